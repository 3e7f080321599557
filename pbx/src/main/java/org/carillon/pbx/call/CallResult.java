package org.carillon.pbx.call;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a call ended, as the call history shows it (lower snake case on the wire). */
public enum CallResult {
    ANSWERED, NO_ANSWER, BUSY, CANCELLED, FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static CallResult ofWire(String wire) {
        return valueOf(wire.trim().toUpperCase(Locale.ROOT));
    }
}
