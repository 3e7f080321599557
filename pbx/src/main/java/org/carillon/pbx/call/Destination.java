package org.carillon.pbx.call;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a call goes: an extension to ring, or an application the caller's leg is handed to. Its JSON shape is the
 * one of CONTRACTS.md: {@code {"type": "extension", "target": "1001"}}.
 *
 * @param type   what kind of destination
 * @param target the extension, team, voicemail box or prompt name; empty where the type needs none
 */
public record Destination(Type type, String target) {

    /**
     * The destination types; the first seven are the public contract, the rest are internal to routing:
     * {@code pickup} (target: an extension, or empty for group pickup), {@code voicemail_menu} (listen to messages:
     * empty target for one's own mailbox, {@code any} for any), {@code agent_code} ({@code login} or {@code break})
     * and {@code profile_code} (target: the digits after the code, possibly empty); {@code holiday} (target: a holiday's
     * id: its audio file is played, then the call ends); {@code schedule_code} (target: the digits after the schedule
     * override code, possibly empty).
     */
    public enum Type {
        EXTENSION, VOICEMAIL, TEAM, EXTERNAL, PROMPT, PARK, HANGUP, PICKUP, VOICEMAIL_MENU, AGENT_CODE, PROFILE_CODE,
        HOLIDAY, SCHEDULE_CODE;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Destination {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
    }

    public static Destination extension(String number) {
        return new Destination(Type.EXTENSION, number);
    }

    /** The "number not in service" prompt, then hang up. */
    public static Destination unknownNumber(String dialled) {
        return new Destination(Type.PROMPT, PromptApplication.UNKNOWN_NUMBER);
    }

    /** Group pickup (empty target) or directed pickup of the ringing call of extension {@code target}. */
    public static Destination pickup(String target) {
        return new Destination(Type.PICKUP, target);
    }
}
