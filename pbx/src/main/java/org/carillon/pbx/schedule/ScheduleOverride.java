package org.carillon.pbx.schedule;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A manual override of the tenant's schedule: forced open or closed until an instant (exclusive), whatever the office
 * hours, break hours and global holidays say.
 *
 * @param mode  open or closed
 * @param until when the override ends by itself
 */
public record ScheduleOverride(Mode mode, Instant until) {

    /** Forced state. */
    public enum Mode {
        OPEN, CLOSED;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ScheduleOverride {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(until, "until");
    }

    public boolean activeAt(Instant at) {
        return at.isBefore(until);
    }
}
