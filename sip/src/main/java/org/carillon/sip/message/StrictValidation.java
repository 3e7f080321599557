package org.carillon.sip.message;

import org.carillon.sip.message.header.AuthField;
import org.carillon.sip.message.header.DeltaSeconds;
import org.carillon.sip.syntax.Cursor;

/** {@link ParseMode#STRICT}: parses every header whose grammar this stack knows. */
final class StrictValidation {
    private StrictValidation() {
    }

    static void validateAll(SipMessage m) {
        SipHeaders h = m.headers();
        boolean contacts = false;
        for (int i = 0; i < h.size(); i++) {
            HeaderName n = h.name(i);
            if (n == HeaderName.CONTACT && !contacts) {
                m.contacts();
                contacts = true;
            } else if (n == HeaderName.ROUTE) {
                m.routes();
            } else if (n == HeaderName.RECORD_ROUTE) {
                m.recordRoutes();
            } else if (n == HeaderName.EXPIRES || n == HeaderName.MIN_EXPIRES) {
                DeltaSeconds.parse(h.value(i));
            } else if (n == HeaderName.CONTENT_TYPE) {
                mediaType(h.value(i));
            } else if (n == HeaderName.AUTHORIZATION || n == HeaderName.PROXY_AUTHORIZATION
                    || n == HeaderName.WWW_AUTHENTICATE || n == HeaderName.PROXY_AUTHENTICATE) {
                AuthField.parse(h.value(i));
            }
        }
    }

    /** {@code m-type SLASH m-subtype *(SEMI m-parameter)} (RFC 3261 §20.15). */
    private static void mediaType(String v) {
        Cursor c = new Cursor(v);
        c.skipWs();
        c.token("media type");
        c.expect('/', "media type");
        c.token("media subtype");
        org.carillon.sip.syntax.Parameters.parseHeaderParams(c, "Content-Type");
        c.expectEnd("Content-Type");
    }
}
