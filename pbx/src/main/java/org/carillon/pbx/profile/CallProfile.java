package org.carillon.pbx.profile;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Objects;

/**
 * One call profile of an extension (SPEC §2.4).
 *
 * @param id          stored id
 * @param kind        the built-in it is, or custom
 * @param name        shown and used to select it ({@code available}, {@code busy}, {@code away} or a custom name)
 * @param position    its number for {@code *76<position>} (1 Available, 2 Busy, 3 Away, then custom ones)
 * @param active      whether it is the extension's active profile (exactly one is)
 * @param callWaiting whether a second call rings while the user is in a call (off: it is treated as busy)
 * @param internal    the rule for callers that are extensions of the same tenant
 * @param external    the rule for everyone else
 */
public record CallProfile(long id, Kind kind, String name, int position, boolean active, boolean callWaiting,
                          CallRule internal, CallRule external) {

    /** Built-in profiles and custom ones. */
    public enum Kind {
        AVAILABLE, BUSY, AWAY, CUSTOM;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public CallProfile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(internal, "internal");
        Objects.requireNonNull(external, "external");
    }

    /** The rule for a caller. */
    public CallRule rule(boolean internalCaller) {
        return internalCaller ? internal : external;
    }

    /** Display name: "Available", "Busy", "Away" or the custom name as typed. */
    public String label() {
        return kind == Kind.CUSTOM ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
