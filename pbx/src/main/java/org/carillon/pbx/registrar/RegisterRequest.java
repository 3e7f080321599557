package org.carillon.pbx.registrar;

import org.carillon.sip.transport.Flow;
import org.carillon.sip.uri.Uri;

import java.util.List;
import java.util.OptionalLong;

/**
 * What §10.3 needs from a REGISTER, taken out of the SIP message so the rules are testable without one.
 *
 * @param wildcard      {@code Contact: *}
 * @param expiresHeader the {@code Expires} header, if any
 * @param path          Path header values to store (empty unless the UA supports path, RFC 3327 §5.3)
 */
record RegisterRequest(String callId, long cseq, boolean wildcard, List<ContactSpec> contacts,
                       OptionalLong expiresHeader, String userAgent, Flow source, List<String> path) {

    /**
     * One Contact of the request.
     *
     * @param uri     parsed, for §10.3 URI comparison
     * @param text    the URI as written, echoed in the answer
     * @param expires the {@code expires} contact parameter, if any
     * @param target  where requests for it go (the observed source when the device is behind NAT)
     */
    record ContactSpec(Uri uri, String text, OptionalLong expires, String target) {
    }
}
