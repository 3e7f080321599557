package org.carillon.pbx.blf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a programmable phone key does (SPEC §2.6). */
public enum BlfKeyType {
    /** A lamp watching an extension (value: its number); pressing it calls, or picks up while it rings. */
    BLF("Busy lamp (extension)"),
    /** Dials a speed-dial code (value: the code, personal or system). */
    SPEED_DIAL("Speed dial"),
    /** A shared parking slot's lamp (value: the slot number); pressing it parks or retrieves. */
    PARK_SLOT("Parking slot"),
    /** Agent login/logout toggle with its lamp (value: empty, or a team number). */
    AGENT("Agent login/logout"),
    /** Switches the call profile (value: the profile's position). */
    PROFILE("Change profile");

    private final String label;

    BlfKeyType(String label) {
        this.label = label;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BlfKeyType fromWire(String wire) {
        return find(wire).orElseThrow(() -> new IllegalArgumentException("unknown key type " + wire));
    }

    public static Optional<BlfKeyType> find(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(wire)).findFirst();
    }

    public String label() {
        return label;
    }
}
