package org.carillon.pbx.profile;

import org.carillon.pbx.call.Destination;

import java.util.Objects;

/**
 * What a profile does with calls from one kind of caller (internal or external).
 *
 * @param ringSeconds    how long the extension's phones ring; 0 = not at all (straight to {@code onNoAnswer})
 * @param ringMobile     also ring the user's mobile (needs an outbound trunk; reported as not reachable until then)
 * @param onNoAnswer     where the caller goes when nobody answers in time
 * @param onBusy         where the caller goes when the phones are busy
 * @param onUnregistered where the caller goes when no phone is registered
 */
public record CallRule(int ringSeconds, boolean ringMobile, Destination onNoAnswer, Destination onBusy,
                       Destination onUnregistered) {
    /** The longest ringing a rule may ask for, seconds. */
    public static final int MAX_RING_SECONDS = 300;

    public CallRule {
        Objects.requireNonNull(onNoAnswer, "onNoAnswer");
        Objects.requireNonNull(onBusy, "onBusy");
        Objects.requireNonNull(onUnregistered, "onUnregistered");
        if (ringSeconds < 0 || ringSeconds > MAX_RING_SECONDS) {
            throw new IllegalArgumentException("ringSeconds out of range");
        }
    }

    /** Ring for {@code seconds}, then the called extension's own voicemail in every case. */
    static CallRule voicemailAfter(int seconds) {
        return new CallRule(seconds, false, Profiles.OWN_VOICEMAIL, Profiles.OWN_VOICEMAIL, Profiles.OWN_VOICEMAIL);
    }
}
