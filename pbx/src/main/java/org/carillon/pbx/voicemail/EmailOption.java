package org.carillon.pbx.voicemail;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** What a new message sends by email: nothing, a notification, or the notification with the WAV attached. */
public enum EmailOption {
    NONE, NOTIFY, ATTACH;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name in JSON and the database; empty when it names no option. */
    public static Optional<EmailOption> find(String wire) {
        for (EmailOption o : values()) {
            if (wire != null && o.wire().equals(wire.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static EmailOption parse(String wire) {
        return find(wire).orElseThrow(() -> new IllegalArgumentException("unknown email option '" + wire + "'"));
    }

    /** How the settings page words it (the seed's words). */
    public String label() {
        return switch (this) {
            case NONE -> "No email notification";
            case NOTIFY -> "Email notification only";
            case ATTACH -> "Email voicemail with audio";
        };
    }
}
