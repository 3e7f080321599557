package org.carillon.pbx.license;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/license} (the state, for every signed-in user) and {@code PUT /api/v1/license} (install a file,
 * Owner only; the body is the armoured license text).
 */
@RestController
@RequestMapping("/api/v1/license")
public class LicenseApiController {
    private final LicenseService licenses;

    public LicenseApiController(LicenseService licenses) {
        this.licenses = licenses;
    }

    @GetMapping
    @Allowed(Permission.SIGNED_IN)
    public LicenseView get() {
        return licenses.view();
    }

    @PutMapping(consumes = {MediaType.TEXT_PLAIN_VALUE, "application/x-carillon-license"})
    @Allowed(Permission.LICENSES)
    public LicenseView put(@RequestBody String text, Authentication who) {
        return licenses.install(text, who.getName());
    }

    @ExceptionHandler(LicenseInstallException.class)
    public ProblemDetail refused(LicenseInstallException e) {
        ProblemDetail problem = ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("License refused");
        return problem;
    }
}
