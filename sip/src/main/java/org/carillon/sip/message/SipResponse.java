package org.carillon.sip.message;

/**
 * A SIP response (RFC 3261 §7.2). Build one for a request with
 * {@link SipRequest#createResponse(int)}; the parser creates the others.
 */
public final class SipResponse extends SipMessage {
    private int statusCode;
    private String reasonPhrase;

    SipResponse(SipHeaders headers, int statusCode, String reasonPhrase) {
        super(headers);
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
    }

    /**
     * An empty response with the given status line; add headers through {@link #headers()}.
     *
     * @throws IllegalArgumentException if {@code statusCode} is not 100..699 or the phrase has CR/LF
     */
    public static SipResponse create(int statusCode, String reasonPhrase) {
        checkStatus(statusCode, reasonPhrase);
        return new SipResponse(new SipHeaders(), statusCode, reasonPhrase);
    }

    private static void checkStatus(int statusCode, String reasonPhrase) {
        if (statusCode < 100 || statusCode > 699) {
            throw new IllegalArgumentException("status code must be 100..699: " + statusCode);
        }
        if (reasonPhrase.indexOf('\r') >= 0 || reasonPhrase.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason phrase must not contain CR or LF");
        }
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    /** The status code, 100..699. */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase (may be empty, RFC 4475 §3.1.1.13). */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** Changes the status line. */
    public void setStatus(int newStatusCode, String newReasonPhrase) {
        checkStatus(newStatusCode, newReasonPhrase);
        statusCode = newStatusCode;
        reasonPhrase = newReasonPhrase;
    }

    /** Whether the status is 1xx. */
    public boolean isProvisional() {
        return statusCode < 200;
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return statusCode >= 200 && statusCode < 300;
    }

    /** The status class: 1 for 1xx ... 6 for 6xx. */
    public int statusClass() {
        return statusCode / 100;
    }

    /** A copy of this response (headers and body; the wire bytes are shared, read-only). */
    public SipResponse copy() {
        SipResponse r = new SipResponse(headers.copy(), statusCode, reasonPhrase);
        r.setRawBody(bodySrc(), bodyOffset(), bodyLength());
        return r;
    }
}
