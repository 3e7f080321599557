package org.carillon.sip.uri;

/**
 * A URI of a scheme this stack does not interpret (RFC 3261 {@code absoluteURI}), kept as
 * written. A UAS answers 416 Unsupported URI Scheme when it is the Request-URI (§8.2.2.1).
 *
 * @param scheme the scheme in lower case
 * @param text   the whole URI as written
 */
public record AbsoluteUri(String scheme, String text) implements Uri {
    @Override
    public String toString() {
        return text;
    }
}
