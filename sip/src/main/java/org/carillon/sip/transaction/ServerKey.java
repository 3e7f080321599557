package org.carillon.sip.transaction;

import java.util.Locale;
import java.util.Objects;

/**
 * Identifies a server transaction (RFC 3261 §17.2.3): the top Via's branch and sent-by, and the
 * method, where an ACK counts as the INVITE it acknowledges. Requests whose branch lacks the
 * {@code z9hG4bK} cookie (RFC 2543 peers) get a key built from Call-ID, From tag, CSeq number,
 * Request-URI and the whole top Via instead ({@link #legacy}).
 *
 * @param branch branch parameter, or the RFC 2543 composite
 * @param sentBy host[:port] of the top Via, lower case
 * @param method INVITE for INVITE and ACK, else the request method
 */
public record ServerKey(String branch, String sentBy, String method) {

    public ServerKey {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(sentBy, "sentBy");
        Objects.requireNonNull(method, "method");
    }

    /** Key for a request with an RFC 3261 branch; an ACK maps to its INVITE's transaction. */
    public static ServerKey of(String branch, String sentBy, String method) {
        return new ServerKey(branch, sentBy.toLowerCase(Locale.ROOT), "ACK".equals(method) ? "INVITE" : method);
    }

    /**
     * §17.2.3's fallback for RFC 2543 peers. The To tag is left out, so an ACK to a non-2xx
     * matches its INVITE even though the response added a tag.
     */
    public static ServerKey legacy(String callId, String fromTag, long cseq, String requestUri, String topVia,
            String method) {
        String id = "2543;" + callId + ";" + fromTag + ";" + cseq + ";" + requestUri;
        return of(id, topVia, method);
    }

    /** The key of the INVITE transaction a CANCEL with this key targets (§9.2). */
    public ServerKey cancelled() {
        return new ServerKey(branch, sentBy, "INVITE");
    }
}
