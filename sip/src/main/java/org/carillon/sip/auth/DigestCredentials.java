package org.carillon.sip.auth;

import java.util.Optional;
import org.carillon.sip.message.header.AuthField;
import org.carillon.sip.syntax.Cursor;
import org.carillon.sip.syntax.SipParseException;

/**
 * Digest credentials of an Authorization or Proxy-Authorization header (RFC 7616 §3.4).
 *
 * @param username  user name
 * @param realm     realm echoed from the challenge
 * @param nonce     nonce echoed from the challenge
 * @param uri       digest-uri: the Request-URI as the client saw it
 * @param response  the request-digest in hex
 * @param algorithm algorithm token as sent ({@code MD5} when absent)
 * @param qop       {@code auth} when present
 * @param nc        nonce count, 8 hex digits, when qop is present
 * @param cnonce    client nonce, when qop is present
 * @param opaque    opaque echoed from the challenge
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
                                String algorithm, Optional<String> qop, Optional<String> nc,
                                Optional<String> cnonce, Optional<String> opaque) {

    /**
     * Reads Digest credentials.
     *
     * @throws SipParseException (400) if the value is not Digest credentials with the required
     *                           parameters (username, realm, nonce, uri, response; nc and cnonce
     *                           when qop is present)
     */
    public static DigestCredentials parse(String headerValue) {
        AuthField f = AuthField.parse(headerValue);
        if (!f.isDigest()) {
            throw SipParseException.bad("not Digest credentials: " + f.scheme());
        }
        var p = f.params();
        Optional<String> qop = p.find("qop");
        Optional<String> nc = p.find("nc");
        Optional<String> cnonce = p.find("cnonce");
        if (qop.isPresent() && (nc.isEmpty() || cnonce.isEmpty())) {
            throw SipParseException.bad("qop without nc or cnonce");
        }
        return new DigestCredentials(required(f, "username"), required(f, "realm"), required(f, "nonce"),
                required(f, "uri"), required(f, "response"), p.find("algorithm").orElse("MD5"), qop, nc, cnonce,
                p.find("opaque"));
    }

    private static String required(AuthField f, String name) {
        return f.params().find(name).orElseThrow(() -> SipParseException.bad("credentials without " + name));
    }

    /** The header value ({@code Digest username="...", ...}). */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder(256).append("Digest username=").append(Cursor.quote(username))
                .append(", realm=").append(Cursor.quote(realm))
                .append(", nonce=").append(Cursor.quote(nonce))
                .append(", uri=").append(Cursor.quote(uri))
                .append(", response=").append(Cursor.quote(response))
                .append(", algorithm=").append(algorithm);
        opaque.ifPresent(o -> b.append(", opaque=").append(Cursor.quote(o)));
        qop.ifPresent(q -> b.append(", qop=").append(q));
        nc.ifPresent(n -> b.append(", nc=").append(n));
        cnonce.ifPresent(c -> b.append(", cnonce=").append(Cursor.quote(c)));
        return b.toString();
    }
}
