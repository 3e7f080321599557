package org.carillon.pbx.call;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A call's state. Transitions: ROUTING → RINGING → ANSWERED ⇄ ON_HOLD → ENDED; ROUTING → ANSWERED (an application
 * answers); any → ENDED.
 */
public enum CallState {
    ROUTING, RINGING, ANSWERED, ON_HOLD, ENDED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
