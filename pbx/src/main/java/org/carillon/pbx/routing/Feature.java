package org.carillon.pbx.routing;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The dial-code features of SPEC §2.10, each with its CONTRACTS.md default. A {@link #prefix} code is followed by
 * more digits (a profile's position, an extension, a speed-dial code); the others match the whole dialled string.
 */
public enum Feature {
    VOICEMAIL_OWN("Own voicemail", "*97", false),
    VOICEMAIL_ANY("Any voicemail", "*98", false),
    AGENT_LOGIN("Agent login/logout", "*45", false),
    AGENT_BREAK("Agent break", "*46", false),
    GROUP_PICKUP("Group pickup", "*8", false),
    DIRECTED_PICKUP("Directed pickup (followed by the extension)", "**", true),
    CALL_PROFILE("Call profile (followed by its position)", "*76", true),
    SPEED_DIAL("Speed dial (followed by the code)", "*0", true),
    SCHEDULE_OVERRIDE("Schedule override (followed by 1 open, 2 closed or 0 back to the schedule, then optionally "
            + "the end time HHMM)", "*28", true);

    private final String label;
    private final String defaultCode;
    private final boolean prefix;

    Feature(String label, String defaultCode, boolean prefix) {
        this.label = label;
        this.defaultCode = defaultCode;
        this.prefix = prefix;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Feature> find(String wire) {
        return Arrays.stream(values()).filter(f -> f.wire().equals(wire)).findFirst();
    }

    public String label() {
        return label;
    }

    public String defaultCode() {
        return defaultCode;
    }

    /** True when more digits follow the code. */
    public boolean prefix() {
        return prefix;
    }

    /** This feature's code in {@code codes}. */
    public String of(FeatureCodes codes) {
        return switch (this) {
            case VOICEMAIL_OWN -> codes.voicemailOwn();
            case VOICEMAIL_ANY -> codes.voicemailAny();
            case AGENT_LOGIN -> codes.agentLogin();
            case AGENT_BREAK -> codes.agentBreak();
            case GROUP_PICKUP -> codes.groupPickup();
            case DIRECTED_PICKUP -> codes.directedPickup();
            case CALL_PROFILE -> codes.callProfile();
            case SPEED_DIAL -> codes.speedDial();
            case SCHEDULE_OVERRIDE -> codes.scheduleOverride();
        };
    }

    /** {@code codes} with every feature's code from {@code code}. */
    static FeatureCodes build(java.util.function.Function<Feature, String> code) {
        return new FeatureCodes(code.apply(VOICEMAIL_OWN), code.apply(VOICEMAIL_ANY), code.apply(AGENT_LOGIN),
                code.apply(AGENT_BREAK), code.apply(GROUP_PICKUP), code.apply(DIRECTED_PICKUP),
                code.apply(CALL_PROFILE), code.apply(SPEED_DIAL), code.apply(SCHEDULE_OVERRIDE));
    }
}
