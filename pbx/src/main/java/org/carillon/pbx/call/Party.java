package org.carillon.pbx.call;

import org.carillon.media.leg.MediaLeg;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.transport.Transport;

import java.util.Optional;

/**
 * One side of a connected call: the caller's leg we answered as a UAS ({@link CallerLeg}) or a callee's branch we
 * called as a UAC ({@link CalleeLeg}). A call bridges two parties; a transfer or a pickup replaces one of them.
 * Call executor only.
 */
interface Party {

    /** The Call-ID of this party's dialog with the PBX. */
    String callId();

    /** The extension number on this side. */
    String number();

    /** The media leg facing this party. */
    MediaLeg media();

    Optional<Dialog> dialog();

    /** True while the dialog is confirmed and nobody sent BYE. */
    boolean up();

    /** Ends the dialog with BYE (no-op unless up). */
    void bye();

    /** The party sent BYE (answered already). */
    void byeReceived();

    /** Answers a re-offer (hold, resume, a moved stream) on this party's media leg. */
    SessionDescription reanswer(SessionDescription offer);

    /** Sends a request made from {@link #dialog()} (NOTIFY for a REFER). */
    void send(SipRequest request);

    /** The transport this party's signalling uses (for our Contact). */
    Transport transport();
}
