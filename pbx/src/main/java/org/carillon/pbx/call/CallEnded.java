package org.carillon.pbx.call;

import java.time.Clock;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;

/**
 * Published (as a Spring event, on the call's executor) once per finished call, with its {@link CallRecord}: the call
 * history stores it.
 *
 * <p>An {@link ApplicationEvent} rather than the bare record for the reason given on {@link ActiveCallsChanged}:
 * Spring wraps a plain object in a {@code PayloadApplicationEvent} and resolves its generic type for the event and
 * for each listener on every publication (issue 6: one per call, 700 a second; {@code CallEndedGarbageTest}).
 */
public final class CallEnded extends ApplicationEvent {

    private final transient CallRecord record;

    /** @param clock the PBX's clock, for the event's timestamp */
    public CallEnded(CallRecord record, Clock clock) {
        super(Objects.requireNonNull(record, "record"), clock);
        this.record = record;
    }

    /** The finished call. */
    public CallRecord record() {
        return record;
    }

    @Override
    public String toString() {
        return "CallEnded[" + record.id() + "]";
    }
}
