package org.carillon.pbx.profile;

import org.carillon.pbx.call.Destination;

import java.util.List;

/**
 * The built-in profiles every extension starts with: Available (active) rings 20 s then voicemail; Busy and Away go
 * straight to voicemail. Available's first ring time is 20 s or {@code CARILLON_CALL_NO_ANSWER_SECONDS} when that is
 * shorter (the setting was the PBX's ring time before profiles existed); after that the profile's own ring time
 * governs. Stateless.
 */
final class Profiles {
    /** The called extension's own voicemail. */
    static final Destination OWN_VOICEMAIL = new Destination(Destination.Type.VOICEMAIL, "");
    /** Ring the user's mobile number (an external destination, once trunks exist). */
    static final String MOBILE = "mobile";
    /** How many profiles one extension may have. */
    static final int MAX = 10;

    private Profiles() {
    }

    /** Available's ring time unless {@code CARILLON_CALL_NO_ANSWER_SECONDS} is shorter, seconds. */
    static final int AVAILABLE_RING_SECONDS = 20;

    /** @param settingSeconds {@code CARILLON_CALL_NO_ANSWER_SECONDS} */
    static List<CallProfile> defaults(long settingSeconds) {
        int ring = (int) Math.min(AVAILABLE_RING_SECONDS, settingSeconds);
        return List.of(
                new CallProfile(0, CallProfile.Kind.AVAILABLE, "available", 1, true, true,
                        CallRule.voicemailAfter(ring), CallRule.voicemailAfter(ring)),
                new CallProfile(0, CallProfile.Kind.BUSY, "busy", 2, false, true,
                        CallRule.voicemailAfter(0), CallRule.voicemailAfter(0)),
                new CallProfile(0, CallProfile.Kind.AWAY, "away", 3, false, true,
                        CallRule.voicemailAfter(0), CallRule.voicemailAfter(0)));
    }
}
