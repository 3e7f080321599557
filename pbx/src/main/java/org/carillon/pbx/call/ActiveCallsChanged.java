package org.carillon.pbx.call;

import java.time.Clock;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;

/**
 * Published (as a Spring event, on the call's executor) whenever a live call starts, changes state or ends.
 *
 * <p>An {@link ApplicationEvent} rather than a plain record: every state change of every call is published (issue 6,
 * thousands a second at 700 calls/s), and Spring wraps a plain object in a {@code PayloadApplicationEvent} and
 * resolves its generic type again for the event and for each listener (~1.5 kB of garbage per publication to three
 * listeners, against ~0.1 kB this way: {@code ActiveCallsChangedGarbageTest}). Its {@link #getTimestamp()} is the
 * injected clock's, like every other "now" (STYLE.md).
 */
public final class ActiveCallsChanged extends ApplicationEvent {

    private final transient ActiveCall call;

    public ActiveCallsChanged(ActiveCall call, Clock clock) {
        super(Objects.requireNonNull(call, "call"), clock);
        this.call = call;
    }

    /** The call as it is now. */
    public ActiveCall call() {
        return call;
    }
}
