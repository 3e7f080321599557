package org.carillon.sip.syntax;

/**
 * The one exception the SIP parsers throw for malformed or over-limit input.
 *
 * <p>{@link #statusHint()} is the response status a UAS would answer a request with (RFC 3261
 * §21.4): 400 for syntax errors, 505 for an unknown SIP version, 513 for a message over the size
 * limit, 416 for an unusable URI scheme. The transport maps it once at its edge (answer or drop).
 * Unchecked because callers on the hot path handle it in one place.
 */
public final class SipParseException extends RuntimeException {
    /** Bad Request: any syntax error. */
    public static final int BAD_REQUEST = 400;
    /** Unsupported URI Scheme. */
    public static final int UNSUPPORTED_URI_SCHEME = 416;
    /** SIP Version not supported. */
    public static final int VERSION_NOT_SUPPORTED = 505;
    /** Message Too Large (RFC 3261 §21.5.13): the size or count limits were exceeded. */
    public static final int MESSAGE_TOO_LARGE = 513;

    private final int statusHint;

    /**
     * @param statusHint SIP status code a server would answer with
     * @param message    what is wrong, for logs; never contains the whole input
     */
    public SipParseException(int statusHint, String message) {
        super(message, null, false, false); // no stack trace: thrown for hostile input at line rate
        this.statusHint = statusHint;
    }

    /** A 400 Bad Request parse error. */
    public static SipParseException bad(String message) {
        return new SipParseException(BAD_REQUEST, message);
    }

    /** The SIP status code a server would use to reject a request carrying this error. */
    public int statusHint() {
        return statusHint;
    }
}
