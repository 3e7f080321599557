package org.carillon.pbx.cdr;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.call.ActiveCall;
import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.carillon.pbx.call.CallService;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/v1/calls} (history: search, paging, {@code format=csv}), {@code GET /api/v1/calls/active} and
 * {@code DELETE /api/v1/calls/active/{id}} (hang up). Owners and managers see the whole tenant; everyone else only
 * calls of their own extension, and only owners and managers hang up.
 */
@RestController
@RequestMapping("/api/v1/calls")
@Allowed(Permission.OWN_CALLS)
public class CallApiController {
    private final CdrStore store;
    private final CallService calls;
    private final TenantDirectory tenants;
    private final AuditTrail audit;
    private final ActorResolver actors;

    public CallApiController(CdrStore store, CallService calls, TenantDirectory tenants, ActorResolver actors,
                             AuditTrail audit) {
        this.store = store;
        this.calls = calls;
        this.tenants = tenants;
        this.audit = audit;
        this.actors = actors;
    }

    /** A page of history. */
    public record PageView(List<CallRecord> calls, long total, int page, int size) {
    }

    @GetMapping
    public PageView history(@RequestParam Optional<String> number, @RequestParam Optional<String> result,
                            @RequestParam Optional<String> from, @RequestParam Optional<String> to,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                            Authentication auth, HttpServletRequest request) {
        CallHistoryQuery q = query(number, result, from, to, page, size, actors.resolve(auth, request));
        var found = store.search(tenants.current().id(), q);
        return new PageView(found.calls(), found.total(), q.page(), q.size());
    }

    /** The same search as CSV ({@code format=csv}); written directly so any Accept header gets it. */
    @GetMapping(params = "format=csv")
    public void historyCsv(@RequestParam Optional<String> number, @RequestParam Optional<String> result,
                           @RequestParam Optional<String> from, @RequestParam Optional<String> to,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size,
                           Authentication auth, HttpServletRequest request, HttpServletResponse response)
            throws java.io.IOException {
        CallHistoryQuery q = query(number, result, from, to, page, size, actors.resolve(auth, request));
        var found = store.search(tenants.current().id(), q);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"calls.csv\"");
        response.getWriter().write(CallCsv.write(found.calls()));
    }

    private static CallHistoryQuery query(Optional<String> number, Optional<String> result, Optional<String> from,
                                          Optional<String> to, int page, int size, Actor actor) {
        CallHistoryQuery q;
        try {
            q = new CallHistoryQuery(number.filter(s -> !s.isBlank()), result.filter(s -> !s.isBlank())
                    .map(CallResult::ofWire), from.map(Instant::parse), to.map(Instant::parse), page, size);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "bad query: " + e.getMessage());
        }
        return actor.admin() ? q : q.restrictedTo(actor.extension().orElse("-"));
    }

    @GetMapping("/active")
    public List<ActiveCall> active(Authentication auth, HttpServletRequest request) {
        Actor actor = actors.resolve(auth, request);
        List<ActiveCall> all = calls.active(tenants.current().id());
        if (actor.admin()) {
            return all;
        }
        String own = actor.extension().orElse("-");
        return all.stream().filter(c -> c.caller().equals(own) || c.callee().filter(own::equals).isPresent()).toList();
    }

    @DeleteMapping("/active/{id}")
    @Allowed(Permission.CALLS)
    public ResponseEntity<Map<String, String>> hangUp(@PathVariable String id) {
        if (!calls.hangUp(tenants.current().id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such active call");
        }
        audit.record("call.hangup", "call", id, Map.of("state", "active"), Map.of("state", "hanging_up"));
        return ResponseEntity.accepted().body(Map.of("id", id, "status", "hanging_up"));
    }
}
