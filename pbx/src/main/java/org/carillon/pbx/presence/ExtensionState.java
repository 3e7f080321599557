package org.carillon.pbx.presence;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a lamp shows for an extension. Derived, never stored: from its calls first (IN_CALL and ON_HOLD over RINGING;
 * an outgoing call that still rings counts as IN_CALL: the phone is busy), else from its registration (no device:
 * OFFLINE; devices that stopped answering keep-alives: UNAVAILABLE; else IDLE). Any state may follow any other.
 */
public enum ExtensionState {
    IDLE, RINGING, IN_CALL, ON_HOLD, UNAVAILABLE, OFFLINE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words shown in the team directory. */
    public String label() {
        return switch (this) {
            case IDLE -> "Available";
            case RINGING -> "Ringing";
            case IN_CALL -> "In a call";
            case ON_HOLD -> "On hold";
            case UNAVAILABLE -> "Unavailable";
            case OFFLINE -> "Offline";
        };
    }
}
