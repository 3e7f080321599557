package org.carillon.pbx.clicktocall;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.call.OriginationRefusedException;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code POST /api/v1/calls} {@code {"from": "1001", "to": "1002"}} → {@code 202 {id, from, to}}: the PBX rings
 * {@code from}'s phones, then {@code to}, and bridges them. {@code from} may be left out (the caller's own
 * extension). 400 names a bad field, 403 another user's extension (Agents, Supervisors), 409 an extension with no
 * registered phone.
 */
@RestController
@Allowed(Permission.OWN_CALLS)
public class ClickToCallApiController {
    private final ClickToCallService clickToCall;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public ClickToCallApiController(ClickToCallService clickToCall, TenantDirectory tenants, ActorResolver actors) {
        this.clickToCall = clickToCall;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** The request body. */
    public record CallRequest(String from, String to) {
    }

    @PostMapping("/api/v1/calls")
    public ResponseEntity<ClickToCallService.Placed> call(@RequestBody(required = false) CallRequest body,
                                                          Authentication auth, HttpServletRequest request) {
        CallRequest r = body == null ? new CallRequest(null, null) : body;
        return ResponseEntity.accepted().body(clickToCall.call(tenants.current(), actors.resolve(auth, request),
                r.from(), r.to()));
    }

    @ExceptionHandler(OriginationRefusedException.class)
    public ProblemDetail refused(OriginationRefusedException e) {
        if (e.reason() == OriginationRefusedException.Reason.NOT_REGISTERED) {
            ProblemDetail p = ApiProblem.of(HttpStatus.CONFLICT, e.getMessage());
            return p;
        }
        return ApiProblem.validation(List.of(new ApiProblem.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(ClickToCallForbiddenException.class)
    public ProblemDetail forbidden(ClickToCallForbiddenException e) {
        return ApiProblem.of(HttpStatus.FORBIDDEN, e.getMessage());
    }
}
