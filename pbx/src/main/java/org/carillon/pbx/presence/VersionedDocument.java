package org.carillon.pbx.presence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A rendered document whose only per-watcher part is its {@code version} (RFC 4235 §4.1: counts one subscription's
 * NOTIFYs): the UTF-8 bytes before and after the version number, so each watcher's body is two copies and the
 * digits. Rendered with {@link #MARK} as the version, which must be the document's first occurrence of that number
 * (the version attribute comes before anything taken from a call).
 *
 * <p>Threads: immutable.
 */
record VersionedDocument(byte[] head, byte[] tail) {
    /** The version to render the document with: a number no real version reaches. */
    static final long MARK = Long.MIN_VALUE;
    private static final String MARK_TEXT = Long.toString(MARK);

    /** @throws IllegalArgumentException if {@code rendered} does not contain {@link #MARK} */
    static VersionedDocument of(String rendered) {
        int at = rendered.indexOf(MARK_TEXT);
        if (at < 0) {
            throw new IllegalArgumentException("no version mark in the document");
        }
        return new VersionedDocument(rendered.substring(0, at).getBytes(StandardCharsets.UTF_8),
                rendered.substring(at + MARK_TEXT.length()).getBytes(StandardCharsets.UTF_8));
    }

    /** The document's bytes with {@code version} in place of the mark. */
    byte[] with(long version) {
        byte[] digits = Long.toString(version).getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + digits.length + tail.length);
        System.arraycopy(digits, 0, out, head.length, digits.length);
        System.arraycopy(tail, 0, out, head.length + digits.length, tail.length);
        return out;
    }
}
