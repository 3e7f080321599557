package org.carillon.pbx.presence;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a lamp and the team directory show for an extension, with the extension {@code status} names of CONTRACTS.md.
 * Derived, never stored: from its calls first (IN_CALL and ON_HOLD over RINGING; an outgoing call that still rings
 * counts as IN_CALL: the phone is busy), else from its registration (no device: UNREGISTERED, shown "Offline";
 * devices that stopped answering keep-alives: UNREACHABLE; else READY, shown "Available"). UNAVAILABLE (agent break,
 * do-not-disturb) is reserved for the agent and call-profile features. Any state may follow any other.
 */
public enum ExtensionState {
    READY, RINGING, IN_CALL, ON_HOLD, UNREACHABLE, UNAVAILABLE, UNREGISTERED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words shown in the team directory. */
    public String label() {
        return switch (this) {
            case READY -> "Available";
            case RINGING -> "Ringing";
            case IN_CALL -> "In a call";
            case ON_HOLD -> "On hold";
            case UNREACHABLE -> "Unreachable";
            case UNAVAILABLE -> "Unavailable";
            case UNREGISTERED -> "Offline";
        };
    }

    /** True while the extension can take calls (PIDF {@code basic} open). */
    public boolean reachable() {
        return this != UNREGISTERED && this != UNREACHABLE && this != UNAVAILABLE;
    }
}
