package org.carillon.pbx.profile;

import org.carillon.pbx.call.Destination;

import java.util.List;

/**
 * The built-in profiles every extension starts with: Available (active) rings 20 s then voicemail; Busy and Away go
 * straight to voicemail. Stateless.
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

    static List<CallProfile> defaults() {
        return List.of(
                new CallProfile(0, CallProfile.Kind.AVAILABLE, "available", 1, true, true,
                        CallRule.voicemailAfter(20), CallRule.voicemailAfter(20)),
                new CallProfile(0, CallProfile.Kind.BUSY, "busy", 2, false, true,
                        CallRule.voicemailAfter(0), CallRule.voicemailAfter(0)),
                new CallProfile(0, CallProfile.Kind.AWAY, "away", 3, false, true,
                        CallRule.voicemailAfter(0), CallRule.voicemailAfter(0)));
    }
}
