package org.carillon.pbx.schedule;

import com.fasterxml.jackson.annotation.JsonValue;
import org.carillon.pbx.call.Destination;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a schedule says at one instant.
 *
 * @param state   open (normal routing), break, closed, or holiday
 * @param action  where calls go instead of normal routing; empty when open
 * @param reason  the rule that decided, as written in the call history ("holiday Christmas", "outside office hours")
 * @param holiday the holiday, in state {@code holiday}
 */
public record Verdict(State state, Optional<Destination> action, String reason, Optional<Holiday> holiday) {

    /** Schedule states, by what decided. */
    public enum State {
        OPEN, BREAK, CLOSED, HOLIDAY;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Verdict {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(holiday, "holiday");
        if ((state == State.OPEN) != action.isEmpty()) {
            throw new IllegalArgumentException("an action exactly when not open");
        }
    }

    static Verdict open(String reason) {
        return new Verdict(State.OPEN, Optional.empty(), reason, Optional.empty());
    }

    static Verdict of(State state, Destination action, String reason) {
        return new Verdict(state, Optional.of(action), reason, Optional.empty());
    }

    public boolean open() {
        return state == State.OPEN;
    }
}
