package org.carillon.pbx.presence;

import java.time.Instant;

/**
 * One dialog of a watched extension as RFC 4235 describes it: the call it belongs to, who started it, its state and
 * the SIP identifiers a phone needs to pick a ringing call up with {@code INVITE} + {@code Replaces} (RFC 3891).
 *
 * @param id        a stable id of this dialog within the extension's state (the call's id)
 * @param callId    the Call-ID an INVITE with Replaces must name
 * @param localTag  the {@code to-tag} of such a Replaces (the PBX's tag in the caller's dialog)
 * @param remoteTag the {@code from-tag} (the caller's tag)
 * @param remote    the extension on the other side
 */
record DialogLeg(String id, String callId, String localTag, String remoteTag, boolean initiator, State state,
                 String remote, Instant startedAt) {

    /** RFC 4235 §3.7.1 states we report. Transitions: EARLY → CONFIRMED ⇄ HELD; a leg that ends is removed. */
    enum State {
        EARLY, CONFIRMED, HELD
    }
}
