package org.carillon.pbx.presence;

import java.time.Clock;
import java.util.Objects;
import org.springframework.context.ApplicationEvent;

/**
 * Published (as a Spring event) whenever an extension's {@link ExtensionState} may have changed: the team directory
 * streams it to browsers. Listeners must not block (it is published on call executors and the registrar's threads).
 *
 * <p>An {@link ApplicationEvent} rather than a plain record for the reason given on {@code ActiveCallsChanged}: a
 * call moves its two extensions through ringing, busy and idle (issue 6: several a call at 700 calls/s), and Spring
 * wraps a plain object in a {@code PayloadApplicationEvent} and resolves its generic type on every publication
 * ({@code PresenceChangedGarbageTest}). Its {@link #getTimestamp()} is the injected clock's, like every other "now"
 * (STYLE.md).
 */
public final class PresenceChanged extends ApplicationEvent {

    private final long tenantId;
    private final String number;
    private final ExtensionState state;

    public PresenceChanged(long tenantId, String number, ExtensionState state, Clock clock) {
        super(Objects.requireNonNull(number, "number"), clock);
        this.tenantId = tenantId;
        this.number = number;
        this.state = Objects.requireNonNull(state, "state");
    }

    public long tenantId() {
        return tenantId;
    }

    public String number() {
        return number;
    }

    public ExtensionState state() {
        return state;
    }

    @Override
    public String toString() {
        return "PresenceChanged[tenantId=" + tenantId + ", number=" + number + ", state=" + state + "]";
    }
}
