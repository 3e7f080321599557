package org.carillon.sip.uri;

import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.syntax.WireBytes;

/**
 * A URI as used in a Request-URI, name-addr or addr-spec (RFC 3261 §25.1 {@code addr-spec}).
 * Immutable. {@link #toString()} gives the wire form.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The scheme in lower case: {@code sip}, {@code sips}, {@code tel} or another. */
    String scheme();

    /** Appends the wire form ({@link #toString()} as UTF-8) to {@code b}. */
    default WireBytes appendTo(WireBytes b) {
        return b.append(toString());
    }

    /**
     * Parses a URI. sip/sips/tel are parsed to their typed forms; other schemes give an
     * {@link AbsoluteUri} (RFC 3261 §8.2.2.1: the UAS, not the parser, answers 416).
     *
     * @throws SipParseException (400) if the text is not a URI
     */
    static Uri parse(String text) {
        return UriParser.parse(text, 0, text.length());
    }

    /**
     * Parses {@code text[start, end)} as a URI, without copying it first.
     *
     * @throws SipParseException (400) if that range is not a URI
     */
    static Uri parse(String text, int start, int end) {
        return UriParser.parse(text, start, end);
    }
}
