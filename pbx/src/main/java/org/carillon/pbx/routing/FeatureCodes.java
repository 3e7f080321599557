package org.carillon.pbx.routing;

import java.util.Objects;

/**
 * The dial codes of CONTRACTS.md (SPEC §2.10). Exact codes match the whole dialled string; {@link #callProfile}
 * may be followed by digits (a profile's position), {@link #directedPickup} by an extension, {@link #speedDial} by a
 * speed-dial code and {@link #scheduleOverride} by a mode digit and optionally an end time (issue 12; CONTRACTS.md
 * names no code for it, so it takes FreePBX's day/night code {@code *28}, which clashes with none of ours).
 */
public record FeatureCodes(String voicemailOwn, String voicemailAny, String agentLogin, String agentBreak,
                           String groupPickup, String directedPickup, String callProfile, String speedDial,
                           String scheduleOverride) {

    public FeatureCodes {
        Objects.requireNonNull(voicemailOwn, "voicemailOwn");
        Objects.requireNonNull(voicemailAny, "voicemailAny");
        Objects.requireNonNull(agentLogin, "agentLogin");
        Objects.requireNonNull(agentBreak, "agentBreak");
        Objects.requireNonNull(groupPickup, "groupPickup");
        Objects.requireNonNull(directedPickup, "directedPickup");
        Objects.requireNonNull(callProfile, "callProfile");
        Objects.requireNonNull(speedDial, "speedDial");
        Objects.requireNonNull(scheduleOverride, "scheduleOverride");
    }

    public static FeatureCodes defaults() {
        return new FeatureCodes("*97", "*98", "*45", "*46", "*8", "**", "*76", "*0", "*28");
    }
}
