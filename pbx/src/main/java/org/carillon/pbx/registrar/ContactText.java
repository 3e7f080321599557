package org.carillon.pbx.registrar;

import org.carillon.sip.message.header.Address;
import org.carillon.sip.uri.Uri;

/** Stored contact URIs back to parsed form (they were produced by the parser, so they parse again). */
final class ContactText {
    private ContactText() {
    }

    /** @throws org.carillon.sip.syntax.SipParseException if the text is not a URI */
    static Uri parse(String uri) {
        return Address.parse("<" + uri + ">").uri();
    }
}
