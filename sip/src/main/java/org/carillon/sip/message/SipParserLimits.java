package org.carillon.sip.message;

/**
 * Size limits the parser and {@link Framing} enforce before doing any other work, so that a peer
 * cannot make the stack buffer or scan without bound. Exceeding one throws
 * {@link org.carillon.sip.syntax.SipParseException} with status hint 513 (Message Too Large).
 *
 * @param maxMessageBytes maximum bytes of a whole message, headers and body (default 65,535: the
 *                        largest UDP payload, and plenty for SIP over TCP); a message over
 *                        2^28 - 1 bytes is refused whatever this says (header slices keep flags
 *                        above that offset)
 * @param maxHeaderCount  maximum number of header fields (default 256)
 * @param maxLineBytes    maximum bytes of the start line or of one header field including its
 *                        folded continuation lines (default 8,192)
 */
public record SipParserLimits(int maxMessageBytes, int maxHeaderCount, int maxLineBytes) {
    /** The defaults described above. */
    public static final SipParserLimits DEFAULTS = new SipParserLimits(65_535, 256, 8_192);

    /** Validates the limits are positive. */
    public SipParserLimits {
        if (maxMessageBytes <= 0 || maxHeaderCount <= 0 || maxLineBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
