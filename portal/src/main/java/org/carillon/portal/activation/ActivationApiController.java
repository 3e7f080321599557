package org.carillon.portal.activation;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.web.ApiProblem;
import org.carillon.portal.access.MachineEndpoint;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /api/v1/activations} — the PBX's machine endpoint, authenticated by the license key it carries: the
 * first call activates the license on that installation, later calls (the daily refresh) return a fresh file.
 */
@RestController
@RequestMapping("/api/v1/activations")
@MachineEndpoint("called by PBXs, authenticated by the license key in the body")
public class ActivationApiController {
    private final ActivationService activations;

    public ActivationApiController(ActivationService activations) {
        this.activations = activations;
    }

    /** What a PBX sends. */
    public record ActivationRequest(String key, String fingerprint, String installationId, String version) {
    }

    @PostMapping
    public IssuedFile activate(@RequestBody ActivationRequest request, HttpServletRequest http) {
        return activations.activateOnline(request.key(), request.fingerprint(), request.installationId(),
                "pbx@" + http.getRemoteAddr());
    }

    @ExceptionHandler(ActivationRefusedException.class)
    public ProblemDetail refused(ActivationRefusedException e) {
        if (e.field().isPresent()) {
            ProblemDetail problem = ApiProblem.validation(List.of(new ApiProblem.FieldError(e.field().get(), e.getMessage())));
            problem.setDetail(e.getMessage());
            return problem;
        }
        ProblemDetail problem = ApiProblem.of(e.status(), e.getMessage());
        problem.setTitle("Activation refused");
        return problem;
    }
}
