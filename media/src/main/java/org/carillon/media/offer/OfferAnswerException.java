package org.carillon.media.offer;

/**
 * An offer or answer the media engine cannot accept (no common codec, no audio stream, a malformed answer);
 * the call engine answers 488 Not Acceptable Here (RFC 3261 §21.4.26).
 */
public final class OfferAnswerException extends RuntimeException {

    public OfferAnswerException(String message) {
        super(message);
    }
}
