package org.carillon.pbx.team;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's one state across all its teams. Users (web, API, {@code *45}/{@code *46}, supervisors) ask for
 * {@code ready}, {@code break} and {@code logged_out}; the PBX alone sets {@code in_call} and {@code wrap_up}.
 *
 * <p>Allowed transitions:
 * <ul>
 *   <li>{@code logged_out} → {@code ready}, {@code in_call} (a call answered while the state changed);</li>
 *   <li>{@code ready} → {@code break}, {@code logged_out}, {@code in_call};</li>
 *   <li>{@code break} → {@code ready}, {@code logged_out}, {@code break} (another aux code), {@code in_call};</li>
 *   <li>{@code in_call} → {@code wrap_up}, {@code ready}, {@code break}, {@code logged_out} (at the call's end);</li>
 *   <li>{@code wrap_up} → {@code ready}, {@code break}, {@code logged_out}.</li>
 * </ul>
 * A user's request while {@code in_call} is kept and applied when the call ends.
 */
public enum AgentState {
    LOGGED_OUT, READY, BREAK, WRAP_UP, IN_CALL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a person may ask for. */
    public boolean requestable() {
        return this == READY || this == BREAK || this == LOGGED_OUT;
    }

    public Set<AgentState> next() {
        return switch (this) {
            case LOGGED_OUT -> EnumSet.of(READY, IN_CALL);
            case READY -> EnumSet.of(BREAK, LOGGED_OUT, IN_CALL);
            case BREAK -> EnumSet.of(READY, LOGGED_OUT, BREAK, IN_CALL);
            case IN_CALL -> EnumSet.of(WRAP_UP, READY, BREAK, LOGGED_OUT);
            case WRAP_UP -> EnumSet.of(READY, BREAK, LOGGED_OUT);
        };
    }

    public boolean allows(AgentState to) {
        return next().contains(to);
    }

    /** A label for pages. */
    public String label() {
        return switch (this) {
            case LOGGED_OUT -> "Logged out";
            case READY -> "Ready";
            case BREAK -> "On break";
            case WRAP_UP -> "Wrap-up";
            case IN_CALL -> "In call";
        };
    }

    public static Optional<AgentState> find(String wire) {
        for (AgentState s : values()) {
            if (wire != null && s.wire().equals(wire.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
