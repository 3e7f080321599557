package org.carillon.sip.syntax;

import java.util.Arrays;
import java.util.Optional;

/**
 * An immutable, ordered list of {@code ;name[=value]} parameters, as found after URIs, Via
 * entries and name-addrs. Names compare case-insensitively (RFC 3261 §7.3.1); values are kept as
 * written (a quoted value keeps its quotes) so that writing them back is exact, and
 * {@link #find(String)} unquotes.
 */
public final class Parameters {
    /** No parameters. */
    public static final Parameters EMPTY = new Parameters(new String[0]);

    // name0, value0, name1, value1 ... ; a null value marks a flag parameter such as ";lr".
    private final String[] pairs;

    private Parameters(String[] pairs) {
        this.pairs = pairs;
    }

    /**
     * Parameters from name/value pairs ({@code name0, value0, name1, ...}; a null value marks a
     * flag parameter). Names and values are taken as written and not checked, and the array is
     * taken over, not copied: this is for parsers that have validated the text and hand over a
     * fresh array they never touch again.
     */
    public static Parameters ofValidated(String[] namesAndValues) {
        return namesAndValues.length == 0 ? EMPTY : new Parameters(namesAndValues);
    }

    /** Number of parameters. */
    public int size() {
        return pairs.length / 2;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    /** Name of the {@code i}-th parameter as written. */
    public String name(int i) {
        return pairs[2 * i];
    }

    /** Value of the {@code i}-th parameter as written, empty for a flag parameter. */
    public Optional<String> rawValue(int i) {
        return Optional.ofNullable(pairs[2 * i + 1]);
    }

    /** Whether a parameter named {@code name} (any case) is present, with or without a value. */
    public boolean has(String name) {
        return index(name) >= 0;
    }

    /**
     * The value of parameter {@code name} with quotes removed; empty if absent <em>or</em> if it
     * is a flag parameter without a value (use {@link #has} to tell these apart).
     */
    public Optional<String> find(String name) {
        int i = index(name);
        return i < 0 || pairs[i + 1] == null ? Optional.empty() : Optional.of(Cursor.unquote(pairs[i + 1]));
    }

    private int index(String name) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A copy with {@code name} set to {@code rawValue} (replaced in place, or appended). */
    public Parameters with(String name, String rawValue) {
        return set(name, rawValue);
    }

    /** A copy with flag parameter {@code name} (no value), e.g. {@code lr} or {@code rport}. */
    public Parameters withFlag(String name) {
        return set(name, null);
    }

    private Parameters set(String name, String rawValue) {
        int i = index(name);
        String[] copy;
        if (i >= 0) {
            copy = pairs.clone();
        } else {
            copy = Arrays.copyOf(pairs, pairs.length + 2);
            i = pairs.length;
            copy[i] = name;
        }
        copy[i + 1] = rawValue;
        return new Parameters(copy);
    }

    /** A copy without parameter {@code name}. */
    public Parameters without(String name) {
        int i = index(name);
        if (i < 0) {
            return this;
        }
        String[] copy = new String[pairs.length - 2];
        System.arraycopy(pairs, 0, copy, 0, i);
        System.arraycopy(pairs, i + 2, copy, i, pairs.length - i - 2);
        return new Parameters(copy);
    }

    /** Appends {@code ;name=value...} to {@code b}. */
    public StringBuilder appendTo(StringBuilder b) {
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(';').append(pairs[i]);
            if (pairs[i + 1] != null) {
                b.append('=').append(pairs[i + 1]);
            }
        }
        return b;
    }

    /** Appends {@code ;name[=value]...} as UTF-8, the bytes of {@link #appendTo(StringBuilder)}. */
    public WireBytes appendTo(WireBytes b) {
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(';').append(pairs[i]);
            if (pairs[i + 1] != null) {
                b.append('=').append(pairs[i + 1]);
            }
        }
        return b;
    }

    @Override
    public String toString() {
        return appendTo(new StringBuilder()).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && Arrays.equals(pairs, p.pairs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pairs);
    }

    /**
     * Parses header parameters {@code *( SEMI generic-param )} where
     * {@code generic-param = token [ EQUAL gen-value ]} and gen-value is a token, a host (IPv6
     * references included) or a quoted-string (RFC 3261 §25.1). Stops before anything else.
     */
    public static Parameters parseHeaderParams(Cursor c, String what) {
        if (!c.consume(';')) {
            return EMPTY;
        }
        String[] out = new String[4];
        int n = 0;
        do {
            String name = c.token(what + " parameter name");
            String value = null;
            if (c.consume('=')) {
                value = c.peek() == '"' ? c.quotedRaw(what) : c.run(Chars.TOKEN | Chars.HOST);
                if (value.isEmpty()) {
                    throw SipParseException.bad("empty value of parameter " + name + " in " + what);
                }
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = name;
            out[n++] = value;
        } while (c.consume(';'));
        return new Parameters(n == out.length ? out : Arrays.copyOf(out, n));
    }

    /**
     * Parses URI parameters {@code *( ";" pname [ "=" pvalue ] )} without whitespace, the names
     * and values made of unreserved, param-unreserved and escaped characters (RFC 3261 §25.1).
     */
    public static Parameters parseUriParams(Cursor c, String what) {
        if (c.peek() != ';') {
            return EMPTY;
        }
        String[] out = new String[4];
        int n = 0;
        while (c.peek() == ';') {
            c.pos(c.pos() + 1);
            String name = escapedRun(c, Chars.UNRESERVED | Chars.PARAM_UNRESERVED, what);
            if (name.isEmpty()) {
                throw SipParseException.bad("empty parameter name in " + what);
            }
            String value = null;
            if (c.peek() == '=') {
                c.pos(c.pos() + 1);
                value = escapedRun(c, Chars.UNRESERVED | Chars.PARAM_UNRESERVED, what);
                if (value.isEmpty()) {
                    throw SipParseException.bad("empty value of parameter " + name + " in " + what);
                }
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = name;
            out[n++] = value;
        }
        return new Parameters(n == out.length ? out : Arrays.copyOf(out, n));
    }

    /** Reads characters of {@code mask} and {@code %HH} escapes; rejects a malformed escape. */
    public static String escapedRun(Cursor c, int mask, String what) {
        String s = c.text();
        int start = c.pos();
        int p = start;
        int end = c.end();
        while (p < end) {
            char ch = s.charAt(p);
            if (ch == '%') {
                if (p + 2 >= end || !Chars.isHex(s.charAt(p + 1)) || !Chars.isHex(s.charAt(p + 2))) {
                    throw SipParseException.bad("bad %-escape in " + what);
                }
                p += 3;
            } else if (Chars.is(ch, mask)) {
                p++;
            } else {
                break;
            }
        }
        c.pos(p);
        return s.substring(start, p);
    }
}
