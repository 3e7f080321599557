package org.carillon.pbx.extension;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.access.Role;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/extensions} (CONTRACTS.md). Owner and Manager use all of it; other users read and change their own
 * extension only (another extension answers 404).
 */
@RestController
@RequestMapping("/api/v1/extensions")
@Allowed(Permission.OWN_PROFILE)
public class ExtensionApiController {
    private final ExtensionService service;
    private final ExtensionPresence presence;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public ExtensionApiController(ExtensionService service, ExtensionPresence presence, TenantDirectory tenants,
                                  ActorResolver actors) {
        this.service = service;
        this.presence = presence;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** Body of {@code POST}: the read-only fields (number, username, password, status) are refused if sent. */
    public record CreateRequest(String email, String firstName, String lastName, String mobile, Role role) {
    }

    /** Body of {@code PATCH}: absent (or null) fields stay unchanged. */
    public record PatchRequest(String email, String firstName, String lastName, String mobile, Role role) {
    }

    /** The answer to {@code POST}: the only time the password is in a response without asking for it. */
    public record CreatedExtension(String number, String email, String firstName, String lastName, String mobile,
                                   Role role, String username, String password, ExtensionStatus status) {
    }

    /** An extension with its live status and devices. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ExtensionView(String number, String email, String firstName, String lastName, String mobile,
                                Role role, String username, ExtensionStatus status,
                                List<Registration> registrations) {
    }

    /** One page of the list. */
    public record ExtensionPage(List<ExtensionView> items, int page, int size, long total) {
    }

    /** Digest credentials of an extension. */
    public record Credentials(String username, String password) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Permission.EXTENSIONS)
    public CreatedExtension create(@RequestBody CreateRequest body, Authentication auth, HttpServletRequest request) {
        var input = new ExtensionInput(body.email(), body.firstName(), body.lastName(), body.mobile(),
                Optional.ofNullable(body.role()), Optional.empty());
        var created = service.create(tenants.current(), input, actors.resolve(auth, request));
        Extension e = created.extension();
        return new CreatedExtension(e.number(), e.email(), e.firstName(), e.lastName(), e.mobile(), e.role(),
                created.credentials().username(), created.credentials().password(), presence.status(e.id()));
    }

    @GetMapping
    @Allowed(Permission.EXTENSIONS)
    public ExtensionPage list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "50") int size, Authentication auth,
                              HttpServletRequest request) {
        int p = Math.max(0, page);
        int s = Math.clamp(size, 1, 500);
        var tenant = tenants.current();
        var items = service.page(tenant, q, p, s, actors.resolve(auth, request)).stream().map(this::view).toList();
        return new ExtensionPage(items, p, s, service.count(tenant, q));
    }

    @GetMapping("/{number}")
    public ExtensionView get(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return view(service.require(tenants.current(), number, actors.resolve(auth, request)));
    }

    @PatchMapping("/{number}")
    public ExtensionView patch(@PathVariable String number, @RequestBody PatchRequest body, Authentication auth,
                               HttpServletRequest request) {
        var changes = new ExtensionChanges(Optional.ofNullable(body.email()), Optional.ofNullable(body.firstName()),
                Optional.ofNullable(body.lastName()), Optional.ofNullable(body.mobile()),
                Optional.ofNullable(body.role()));
        return view(service.update(tenants.current(), number, changes, actors.resolve(auth, request)));
    }

    @DeleteMapping("/{number}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Permission.EXTENSIONS)
    public void delete(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        service.delete(tenants.current(), number, actors.resolve(auth, request));
    }

    @PostMapping("/{number}/credentials")
    @Allowed(Permission.EXTENSIONS)
    public Credentials regenerate(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        var c = service.regenerate(tenants.current(), number, actors.resolve(auth, request));
        return new Credentials(c.username(), c.password());
    }

    @GetMapping("/{number}/credentials")
    @Allowed(Permission.EXTENSIONS)
    public Credentials credentials(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        var c = service.credentials(tenants.current(), number, actors.resolve(auth, request));
        return new Credentials(c.username(), c.password());
    }

    private ExtensionView view(Extension e) {
        return new ExtensionView(e.number(), e.email(), e.firstName(), e.lastName(), e.mobile(), e.role(),
                e.sipUsername(), presence.status(e.id()), presence.registrations(e.id()));
    }

    @ExceptionHandler(ExtensionNotFoundException.class)
    public ProblemDetail notFound(ExtensionNotFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ExtensionForbiddenException.class)
    public ProblemDetail forbidden(ExtensionForbiddenException e) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(InvalidExtensionException.class)
    public ProblemDetail invalid(InvalidExtensionException e) {
        return ApiProblem.validation(e.errors());
    }
}
