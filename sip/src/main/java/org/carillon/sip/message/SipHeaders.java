package org.carillon.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.carillon.sip.syntax.WireBytes;

/**
 * The header fields of one message, in wire order, with multiple fields of one name kept apart
 * (RFC 3261 §7.3.1). Parsed values stay as slices of the received bytes until read, so a proxy
 * that forwards a message only decodes the headers it touches.
 *
 * <p>Values are strings with folding replaced by a single SP; names compare by
 * {@link HeaderName}. Not thread-safe: a message belongs to one thread at a time.
 */
public final class SipHeaders {
    private static final int INITIAL = 24; // typical INVITEs carry 12-20 fields; a proxy adds two

    private static final int ADDED_CAPACITY = 192; // a Via, a Record-Route and a Request-URI

    private byte[] src;           // wire bytes of a parsed message, or null
    private HeaderName[] names = new HeaderName[INITIAL];
    // per field i: slices[2i] = value start (-1 when values[i] is authoritative), slices[2i+1] =
    // value end with the flags below: in src, or in `added` when ADDED is set
    private int[] slices = new int[2 * INITIAL];
    private String[] values;      // decoded or set values; allocated on first use (a parsed
                                  // message read through its typed accessors never needs it)
    private Object[] typed = new Object[INITIAL];
    private WireBytes added;      // the values of all fields added in wire form (addFirstWire),
                                  // one buffer per message; allocated on first use
    private int size;

    /** An empty header list for building a message. */
    public SipHeaders() {
    }

    SipHeaders(byte[] src) {
        this.src = src;
    }

    /** Number of header fields (lines). */
    public int size() {
        return size;
    }

    /** Name of field {@code i} (0-based, wire order). */
    public HeaderName name(int i) {
        check(i);
        return names[i];
    }

    /** Value of field {@code i}, unfolded and trimmed. */
    public String value(int i) {
        check(i);
        String v = values == null ? null : values[i];
        if (v == null) {
            v = decode(i);
            values()[i] = v;
        }
        return v;
    }

    // flags in slices[2i+1] above the end offset (messages are far below 2^28 bytes, SipParserLimits)
    private static final int FOLDED = 1 << 30;    // the slice contains continuation lines
    private static final int CANONICAL = 1 << 29; // the received line is exactly "Name: value" CRLF
    private static final int ADDED = 1 << 28;     // the slice lies in `added`, not in src
    private static final int END = ADDED - 1;     // mask of the end offset
    /** The largest offset a slice can hold; the parser copies a message lying further into its array. */
    static final int MAX_OFFSET = END;

    private String decode(int i) {
        int s = slices[2 * i];
        int e = slices[2 * i + 1] & END;
        if ((slices[2 * i + 1] & FOLDED) == 0) {
            return new String(bytes(i), s, e - s, StandardCharsets.UTF_8);
        }
        // RFC 3261 §7.3.1: folding (CRLF followed by SP/HTAB) is replaced by one SP
        byte[] out = new byte[e - s];
        int n = 0;
        for (int p = s; p < e; p++) {
            byte c = src[p];
            if (c == '\r' || c == '\n') {
                while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t')) {
                    n--;
                }
                while (p + 1 < e && (src[p + 1] == '\n' || src[p + 1] == ' ' || src[p + 1] == '\t')) {
                    p++;
                }
                out[n++] = ' ';
            } else {
                out[n++] = c;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** Index of the first field named {@code name}, or -1. */
    public int indexOf(HeaderName name) {
        return indexOf(name, 0);
    }

    /** Index of the first field named {@code name} at or after {@code from}, or -1. */
    public int indexOf(HeaderName name, int from) {
        if (name.isKnown()) { // known names are singletons
            for (int i = from; i < size; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            return -1;
        }
        for (int i = from; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a field named {@code name} is present. */
    public boolean contains(HeaderName name) {
        return indexOf(name) >= 0;
    }

    /** How many fields are named {@code name}. */
    public int count(HeaderName name) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                n++;
            }
        }
        return n;
    }

    /** The value of the first field named {@code name}. */
    public Optional<String> first(HeaderName name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(value(i));
    }

    /** The value of the first field named {@code name} (full or compact, any case). */
    public Optional<String> first(String name) {
        return first(HeaderName.of(name));
    }

    /** The values of all fields named {@code name}, in order (not split at commas). */
    public List<String> all(HeaderName name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                out.add(value(i));
            }
        }
        return out;
    }

    /** Calls {@code action} with each name and value in wire order. */
    public void forEach(BiConsumer<HeaderName, String> action) {
        for (int i = 0; i < size; i++) {
            action.accept(names[i], value(i));
        }
    }

    /** Appends a field. */
    public void add(HeaderName name, String value) {
        insert(size, name, value);
    }

    /**
     * Inserts a field before the first field of the same name (so it becomes the "top" one, as
     * for a new Via or Record-Route), or appends it if there is none.
     */
    public void addFirst(HeaderName name, String value) {
        int i = indexOf(name);
        insert(i < 0 ? size : i, name, value);
    }

    /**
     * The buffer a value added in wire form is written into: append the value's bytes, then call
     * {@link #addFirstWire} with the size the buffer had before. One buffer per message, so two
     * pushes cost one allocation.
     */
    WireBytes addedBytes() {
        if (added == null) {
            added = new WireBytes(ADDED_CAPACITY);
        }
        return added;
    }

    /**
     * Like {@link #addFirst(HeaderName, String)} for a value already in wire form: bytes
     * {@code [from, size)} of {@link #addedBytes()}, just appended, become the field's value and
     * {@code parsed} its typed form. The String is made only if someone reads {@link #value};
     * the writer copies the bytes.
     *
     * @throws IllegalArgumentException if the value contains CR, LF or NUL (the bytes are dropped)
     */
    void addFirstWire(HeaderName name, int from, Object parsed) {
        if (added.hasLineBreak()) {
            added.truncate(from); // earlier values had none: they were accepted
            throw new IllegalArgumentException("header value must not contain CR, LF or NUL");
        }
        int i = indexOf(name);
        int at = i < 0 ? size : i;
        insert(at, name, null);
        slices[2 * at] = from;
        slices[2 * at + 1] = added.size() | ADDED;
        typed[at] = parsed;
    }

    /** Replaces all fields named {@code name} by one with {@code value} (where the first was). */
    public void set(HeaderName name, String value) {
        int i = indexOf(name);
        if (i < 0) {
            add(name, value);
            return;
        }
        replace(i, value);
        int j;
        while ((j = indexOf(name, i + 1)) >= 0) {
            remove(j);
        }
    }

    /** Replaces the value of field {@code i}. */
    public void replace(int i, String value) {
        check(i);
        checkValue(value);
        slices[2 * i] = -1;
        slices[2 * i + 1] = 0;
        values()[i] = value;
        typed[i] = null;
    }

    /** Removes field {@code i}. */
    public void remove(int i) {
        check(i);
        int tail = size - i - 1;
        System.arraycopy(names, i + 1, names, i, tail);
        System.arraycopy(slices, 2 * (i + 1), slices, 2 * i, 2 * tail);
        if (values != null) {
            System.arraycopy(values, i + 1, values, i, tail);
            values[size - 1] = null;
        }
        System.arraycopy(typed, i + 1, typed, i, tail);
        size--;
        names[size] = null;
        typed[size] = null;
    }

    /** Removes all fields named {@code name}; returns how many were removed. */
    public int removeAll(HeaderName name) {
        int n = 0;
        int i;
        while ((i = indexOf(name)) >= 0) {
            remove(i);
            n++;
        }
        return n;
    }

    /** A deep copy (sharing the immutable wire bytes). */
    public SipHeaders copy() {
        SipHeaders h = new SipHeaders(src);
        h.names = names.clone();
        h.slices = slices.clone();
        h.values = values == null ? null : values.clone();
        h.typed = typed.clone();
        h.added = added == null ? null : added.copy(); // each copy appends to its own
        h.size = size;
        return h;
    }

    /** Opens slot {@code at} for a field with {@code value} (null: the caller fills the slice). */
    private void insert(int at, HeaderName name, String value) {
        if (value != null) {
            checkValue(value);
        }
        grow();
        int tail = size - at;
        System.arraycopy(names, at, names, at + 1, tail);
        System.arraycopy(slices, 2 * at, slices, 2 * (at + 1), 2 * tail);
        if (value != null || values != null) {
            String[] values = values();
            System.arraycopy(values, at, values, at + 1, tail);
            values[at] = value;
        }
        System.arraycopy(typed, at, typed, at + 1, tail);
        names[at] = name;
        slices[2 * at] = -1;
        slices[2 * at + 1] = 0;
        typed[at] = null;
        size++;
    }

    private String[] values() {
        if (values == null) {
            values = new String[names.length];
        }
        return values;
    }

    private static void checkValue(String value) {
        // three indexOf scans: each is a vectorized intrinsic, faster than one charAt loop
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0) {
            throw new IllegalArgumentException("header value must not contain CR, LF or NUL");
        }
    }

    /**
     * Parser entry: appends a raw slice of the wire bytes; {@code isFolded} when it contains
     * continuation lines, {@code isCanonical} when its line is exactly {@code Name: value CRLF}
     * with the canonical name (the writer then copies the whole line).
     */
    void addRaw(HeaderName name, int start, int end, boolean isFolded, boolean isCanonical) {
        grow();
        names[size] = name;
        slices[2 * size] = start;
        slices[2 * size + 1] = end | (isFolded ? FOLDED : 0) | (isCanonical ? CANONICAL : 0);
        size++;
    }

    private void grow() {
        if (size == names.length) {
            int n = size * 2;
            names = Arrays.copyOf(names, n);
            slices = Arrays.copyOf(slices, 2 * n);
            values = values == null ? null : Arrays.copyOf(values, n);
            typed = Arrays.copyOf(typed, n);
        }
    }

    /**
     * For the writer: the bytes of all fields but Content-Length as {@code Name: value CRLF},
     * counting a value without wire bytes by its chars (exact for ASCII). One tight loop over
     * the arrays, since it runs on every message sent.
     */
    int wireLength() {
        int n = 0;
        for (int i = 0; i < size; i++) {
            HeaderName name = names[i];
            if (name == HeaderName.CONTENT_LENGTH) {
                continue;
            }
            int start = slices[2 * i];
            int end = slices[2 * i + 1];
            n += name.wirePrefix().length + 2
                    + (start >= 0 && (end & FOLDED) == 0 ? (end & END) - start : value(i).length());
        }
        return n;
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    /** Appends field {@code i} of {@code other} (value and any parsed form). */
    void addCopy(SipHeaders other, int i) {
        insert(size, other.names[i], other.value(i));
        typed[size - 1] = other.typed[i];
    }

    // --- package-private access for typed views and the writer ---

    Object typed(int i) {
        return typed[i];
    }

    void typed(int i, Object value) {
        typed[i] = value;
    }

    /** {@link #name} without the index check, for the writer's loops over {@code [0, size())}. */
    HeaderName nameAt(int i) {
        return names[i];
    }

    /** Whether field {@code i} is an unfolded slice of {@link #src()}, the received bytes. */
    boolean isRawSlice(int i) {
        return slices[2 * i] >= 0 && (slices[2 * i + 1] & (FOLDED | ADDED)) == 0;
    }

    /**
     * Whether field {@code i} is a received line that reads exactly {@code Name: value CRLF}
     * with {@link HeaderName#wirePrefix()}: it starts at {@code start(i) - wirePrefix().length}
     * in {@link #src()} and ends 2 bytes after {@link #end}. Set by the parser, which has just
     * compared those bytes; any change to the field clears it.
     */
    boolean isCanonicalLine(int i) {
        return (slices[2 * i + 1] & CANONICAL) != 0 && slices[2 * i] >= 0;
    }

    /**
     * Whether field {@code i} can be written by copying bytes [{@link #start}, {@link #end}) of
     * {@link #bytes} (a received unfolded slice, or a field added in wire form).
     */
    boolean hasBytes(int i) {
        return slices[2 * i] >= 0 && (slices[2 * i + 1] & FOLDED) == 0;
    }

    /** The received bytes (the message's own wire form), shared by all fields not added later. */
    byte[] src() {
        return src;
    }

    /** Whether field {@code i}'s slice lies in {@link #src()} (false for a field added in wire form). */
    boolean inSrc(int i) {
        return (slices[2 * i + 1] & ADDED) == 0;
    }

    /** The array field {@code i}'s slice [{@link #start}, {@link #end}) points into. */
    byte[] bytes(int i) {
        return (slices[2 * i + 1] & ADDED) == 0 ? src : added.array();
    }

    int start(int i) {
        return slices[2 * i];
    }

    int end(int i) {
        return slices[2 * i + 1] & END;
    }
}
