package org.carillon.sip.dialog;

import java.util.Objects;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;

/**
 * A dialog's identity from this side (RFC 3261 §12): Call-ID, local tag and remote tag.
 *
 * @param callId    the Call-ID
 * @param localTag  our tag (From tag of requests we send)
 * @param remoteTag the peer's tag
 */
public record DialogId(String callId, String localTag, String remoteTag) {

    public DialogId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
    }

    /** The dialog an incoming in-dialog request belongs to: our tag is in To, theirs in From (§12.2.2). */
    public static DialogId ofIncoming(SipRequest request) {
        return new DialogId(request.callId(), request.to().tag().orElse(""), request.from().tag().orElse(""));
    }

    /** The dialog a response to our request belongs to: our tag is in From, theirs in To. */
    public static DialogId ofResponse(SipResponse response) {
        return new DialogId(response.callId(), response.from().tag().orElse(""), response.to().tag().orElse(""));
    }
}
