package org.carillon.media.offer;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.sdp.Direction;

/**
 * The outcome of an offer/answer exchange for one audio stream: what a media leg needs to send and receive.
 * A payload type number in SDP says what its author wants to receive (RFC 3264 §5.1), so the types we send
 * come from the peer's SDP and those we receive from ours; for an answer we write they are the same.
 *
 * @param remote where the peer receives RTP; empty on hold with 0.0.0.0 or an unresolved host name
 * @param codec the one codec used on this leg
 * @param sendPayloadType payload type to put in packets we send
 * @param receivePayloadType payload type the peer puts in packets it sends us
 * @param sendTelephoneEvent RFC 4733 payload type for events we send, empty if the peer takes none
 * @param receiveTelephoneEvent RFC 4733 payload type of events we receive
 * @param ptime packet duration the peer asked for, in milliseconds (20 when it did not say)
 * @param direction what we do on this stream: sendonly means we send but drop what arrives
 */
public record NegotiatedAudio(Optional<InetSocketAddress> remote, AudioFormat codec, int sendPayloadType,
                              int receivePayloadType, OptionalInt sendTelephoneEvent,
                              OptionalInt receiveTelephoneEvent, int ptime, Direction direction) {
}
