package org.carillon.pbx.clicktocall;

import org.carillon.pbx.call.CallService;
import org.carillon.pbx.call.OriginationRefusedException;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.platform.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * Who may ask the PBX to place which call, and the audit of it. Threads: thread-safe.
 */
@Service
public class ClickToCallService {
    private final CallService calls;
    private final AuditLog audit;

    public ClickToCallService(CallService calls, AuditLog audit) {
        this.calls = calls;
        this.audit = audit;
    }

    /** A call placed: its id (as in the active calls and the history), from and to. */
    public record Placed(String id, String from, String to) {
    }

    /**
     * Places a call from {@code from} (empty: the actor's own extension) to {@code to}.
     *
     * @throws ClickToCallForbiddenException when {@code from} is not the actor's own extension and the actor is no
     *                                       Owner or Manager
     * @throws OriginationRefusedException   for an unknown number, a call to oneself, or no registered phone
     */
    public Placed call(Tenant tenant, Actor actor, String from, String to) {
        String caller = from == null || from.isBlank() ? actor.extension().orElseThrow(
                () -> new OriginationRefusedException(OriginationRefusedException.Reason.INVALID, "from",
                        "Name the extension to call from: you have none of your own.")) : from.strip();
        String callee = to == null ? "" : to.strip();
        if (callee.isEmpty()) {
            throw new OriginationRefusedException(OriginationRefusedException.Reason.INVALID, "to",
                    "Name the extension to call.");
        }
        if (!actor.admin() && !actor.owns(caller)) {
            throw new ClickToCallForbiddenException(caller);
        }
        String id = calls.originate(tenant.id(), caller, callee);
        audit.record(actor.email(), "call.click_to_call", "extension", caller, "to=" + callee + " call=" + id,
                actor.source());
        return new Placed(id, caller, callee);
    }
}
