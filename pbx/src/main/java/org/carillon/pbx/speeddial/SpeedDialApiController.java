package org.carillon.pbx.speeddial;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.extension.ExtensionForbiddenException;
import org.carillon.pbx.extension.ExtensionNotFoundException;
import org.carillon.pbx.extension.ExtensionService;
import org.carillon.pbx.routing.InvalidDialCodeException;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * Speed dials over REST: {@code /api/v1/speed-dials} (system: everyone reads, Owner and Manager change) and
 * {@code /api/v1/extensions/{number}/speed-dials} (personal: the extension's own user, Owner and Manager; another
 * user's answers 404). Clashes are 400 problem details naming the field and the clash.
 */
@RestController
@RequestMapping("/api/v1")
@Allowed(Permission.OWN_KEYS)
public class SpeedDialApiController {
    private final SpeedDialService speedDials;
    private final ExtensionService extensions;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public SpeedDialApiController(SpeedDialService speedDials, ExtensionService extensions, TenantDirectory tenants,
                                  ActorResolver actors) {
        this.speedDials = speedDials;
        this.extensions = extensions;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** Body of POST (all three) and PUT (number and label; the code is in the path). */
    public record SpeedDialInput(String code, String number, String label) {
    }

    @GetMapping("/speed-dials")
    public List<SpeedDial> system() {
        return speedDials.list(tenants.current().id(), "");
    }

    @PostMapping("/speed-dials")
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Permission.SPEED_DIALS)
    public SpeedDial addSystem(@RequestBody SpeedDialInput body, Authentication auth, HttpServletRequest request) {
        return speedDials.save(tenants.current().id(), "", body.code(), body.number(), body.label(), false,
                auth.getName(), request.getRemoteAddr());
    }

    @PutMapping("/speed-dials/{code}")
    @Allowed(Permission.SPEED_DIALS)
    public SpeedDial putSystem(@PathVariable String code, @RequestBody SpeedDialInput body, Authentication auth,
                               HttpServletRequest request) {
        refuseCodeInBody(body, code);
        return speedDials.save(tenants.current().id(), "", code, body.number(), body.label(), true,
                auth.getName(), request.getRemoteAddr());
    }

    @DeleteMapping("/speed-dials/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Permission.SPEED_DIALS)
    public void deleteSystem(@PathVariable String code, Authentication auth, HttpServletRequest request) {
        if (!speedDials.delete(tenants.current().id(), "", code, auth.getName(), request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no speed dial " + code);
        }
    }

    @GetMapping("/extensions/{number}/speed-dials")
    public List<SpeedDial> personal(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return speedDials.list(tenants.current().id(), owner(number, auth, request));
    }

    @PostMapping("/extensions/{number}/speed-dials")
    @ResponseStatus(HttpStatus.CREATED)
    public SpeedDial addPersonal(@PathVariable String number, @RequestBody SpeedDialInput body, Authentication auth,
                                 HttpServletRequest request) {
        return speedDials.save(tenants.current().id(), owner(number, auth, request), body.code(), body.number(),
                body.label(), false, auth.getName(), request.getRemoteAddr());
    }

    @PutMapping("/extensions/{number}/speed-dials/{code}")
    public SpeedDial putPersonal(@PathVariable String number, @PathVariable String code,
                                 @RequestBody SpeedDialInput body, Authentication auth, HttpServletRequest request) {
        refuseCodeInBody(body, code);
        return speedDials.save(tenants.current().id(), owner(number, auth, request), code, body.number(),
                body.label(), true, auth.getName(), request.getRemoteAddr());
    }

    @DeleteMapping("/extensions/{number}/speed-dials/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deletePersonal(@PathVariable String number, @PathVariable String code, Authentication auth,
                               HttpServletRequest request) {
        if (!speedDials.delete(tenants.current().id(), owner(number, auth, request), code, auth.getName(),
                request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no speed dial " + code);
        }
    }

    /** The extension's number once the actor may manage it (own, or an admin); 404 otherwise. */
    private String owner(String number, Authentication auth, HttpServletRequest request) {
        return extensions.require(tenants.current(), number, actors.resolve(auth, request)).number();
    }

    private static void refuseCodeInBody(SpeedDialInput body, String code) {
        if (body.code() != null && !body.code().equals(code)) {
            throw new InvalidDialCodeException("code", "The code is in the address; it cannot be changed here.");
        }
    }

    @ExceptionHandler(InvalidDialCodeException.class)
    public ProblemDetail invalid(InvalidDialCodeException e) {
        return ApiProblem.validation(e.errors());
    }

    @ExceptionHandler({ExtensionNotFoundException.class, ExtensionForbiddenException.class})
    public ProblemDetail notFound(RuntimeException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "no such extension");
    }
}
