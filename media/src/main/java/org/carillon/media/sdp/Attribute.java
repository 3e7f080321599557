package org.carillon.media.sdp;

import java.util.Optional;

/**
 * An {@code a=} line (RFC 8866 §5.13): a property ({@code a=sendonly}) or a name and value
 * ({@code a=rtpmap:0 PCMU/8000}).
 *
 * @param name attribute name, case as received
 * @param value the text after the first colon, empty for a property attribute
 */
public record Attribute(String name, Optional<String> value) {

    /** A property attribute. */
    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    /** A value attribute. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    /** Whether this attribute is named {@code other} (attribute names compare case-sensitively, §5.13). */
    public boolean is(String other) {
        return name.equals(other);
    }

    /** The line's text after {@code a=}. */
    public String text() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
