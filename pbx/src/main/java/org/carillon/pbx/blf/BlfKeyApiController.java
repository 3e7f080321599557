package org.carillon.pbx.blf;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.extension.ExtensionNotFoundException;
import org.carillon.pbx.routing.InvalidDialCodeException;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/v1/extensions/{number}/blf-keys}: the extension's keys ({@code GET}, {@code PUT {"keys":[…]}} replaces
 * them all) and {@code …/blf-keys/provisioning} (the JSON export for phone templates). The extension's own user,
 * Owner and Manager; another user's extension answers 404.
 */
@RestController
@RequestMapping("/api/v1/extensions/{number}/blf-keys")
@Allowed(Permission.OWN_KEYS)
public class BlfKeyApiController {
    private final BlfKeyService keys;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public BlfKeyApiController(BlfKeyService keys, TenantDirectory tenants, ActorResolver actors) {
        this.keys = keys;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** The body of {@code GET} and {@code PUT}. */
    public record KeyList(List<BlfKey> keys) {
    }

    @GetMapping
    public KeyList list(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return new KeyList(keys.list(tenants.current(), number, actors.resolve(auth, request)));
    }

    @PutMapping
    public KeyList replace(@PathVariable String number, @RequestBody KeyList body, Authentication auth,
                           HttpServletRequest request) {
        List<BlfKey> given = body.keys() == null ? List.of() : body.keys();
        return new KeyList(keys.save(tenants.current(), number, given, actors.resolve(auth, request)));
    }

    @GetMapping("/provisioning")
    public BlfKeyService.Provisioning provisioning(@PathVariable String number, Authentication auth,
                                                   HttpServletRequest request) {
        return keys.provisioning(tenants.current(), number, actors.resolve(auth, request));
    }

    @ExceptionHandler(InvalidDialCodeException.class)
    public ProblemDetail invalid(InvalidDialCodeException e) {
        return ApiProblem.validation(e.errors());
    }

    @ExceptionHandler(ExtensionNotFoundException.class)
    public ProblemDetail notFound(ExtensionNotFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
