package org.carillon.media.sdp;

/** An SDP body that breaks RFC 8866 syntax or one of the parser's limits; the SIP layer answers 400 or 488. */
public final class SdpParseException extends RuntimeException {

    public SdpParseException(String message) {
        super(message);
    }
}
