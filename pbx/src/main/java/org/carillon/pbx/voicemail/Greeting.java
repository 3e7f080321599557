package org.carillon.pbx.voicemail;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** A mailbox's recorded greetings: when unavailable (no answer, unregistered), when busy, and the owner's name. */
public enum Greeting {
    UNAVAILABLE, BUSY, NAME;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Greeting> find(String wire) {
        for (Greeting g : values()) {
            if (g.wire().equals(wire)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
