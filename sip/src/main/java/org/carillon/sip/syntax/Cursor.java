package org.carillon.sip.syntax;

/**
 * A read position over one unfolded header value (or part of one), with the RFC 3261 §25.1
 * separators: SWS around ";", "=", ",", "/", ":" and quoted-strings with quoted-pairs.
 *
 * <p>Not thread-safe; one cursor per parse. Every failure throws {@link SipParseException} (400).
 */
public final class Cursor {
    private final String s;
    private int pos;
    private final int end;

    /** A cursor over all of {@code s}. */
    public Cursor(String s) {
        this(s, 0, s.length());
    }

    /** A cursor over {@code s[start, end)}. */
    public Cursor(String s, int start, int end) {
        this.s = s;
        this.pos = start;
        this.end = end;
    }

    /** The text being read. */
    public String text() {
        return s;
    }

    /** Current index into {@link #text()}. */
    public int pos() {
        return pos;
    }

    /** Moves to {@code newPos} (within the cursor's range). */
    public void pos(int newPos) {
        this.pos = newPos;
    }

    /** End index (exclusive). */
    public int end() {
        return end;
    }

    /** Whether all input has been read. */
    public boolean atEnd() {
        return pos >= end;
    }

    /** The current character, or -1 at the end. */
    public int peek() {
        return pos < end ? s.charAt(pos) : -1;
    }

    /** Skips SP and HTAB (values are unfolded, so LWS is only these). */
    public Cursor skipWs() {
        while (pos < end && Chars.isWsp(s.charAt(pos))) {
            pos++;
        }
        return this;
    }

    /** Skips whitespace; if {@code c} follows, consumes it and any whitespace after, returning true. */
    public boolean consume(char c) {
        int save = pos;
        skipWs();
        if (pos < end && s.charAt(pos) == c) {
            pos++;
            skipWs();
            return true;
        }
        pos = save;
        return false;
    }

    /** Like {@link #consume(char)} but the separator is required. */
    public void expect(char c, String what) {
        if (!consume(c)) {
            throw SipParseException.bad("expected '" + c + "' in " + what);
        }
    }

    /** Reads a non-empty token (RFC 3261 §25.1). */
    public String token(String what) {
        int start = pos;
        while (pos < end && Chars.isToken(s.charAt(pos))) {
            pos++;
        }
        if (pos == start) {
            throw SipParseException.bad("expected token for " + what);
        }
        return s.substring(start, pos);
    }

    /** Reads a run of characters of class {@code mask}, possibly empty. */
    public String run(int mask) {
        int start = pos;
        while (pos < end && Chars.is(s.charAt(pos), mask)) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /**
     * Reads a quoted-string starting at the opening quote and returns it <em>as written</em>,
     * quotes and backslashes included, so that writing it back is byte-exact.
     */
    public String quotedRaw(String what) {
        int start = pos;
        if (pos >= end || s.charAt(pos) != '"') {
            throw SipParseException.bad("expected quoted-string for " + what);
        }
        pos++;
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return s.substring(start, pos);
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    break;
                }
                char q = s.charAt(pos + 1);
                if (q == '\r' || q == '\n') {
                    throw SipParseException.bad("bad quoted-pair in " + what);
                }
                pos += 2;
                continue;
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw SipParseException.bad("control character in quoted-string of " + what);
            }
            pos++;
        }
        throw SipParseException.bad("unterminated quoted-string in " + what);
    }

    /** Removes the quotes and quoted-pair backslashes of a quoted-string read by {@link #quotedRaw}. */
    public static String unquote(String raw) {
        if (raw.length() < 2 || raw.charAt(0) != '"') {
            return raw;
        }
        if (raw.indexOf('\\') < 0) {
            return raw.substring(1, raw.length() - 1);
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                c = raw.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Quotes {@code value} as a quoted-string, escaping '"' and '\'. */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }

    /** Fails unless only whitespace remains. */
    public void expectEnd(String what) {
        skipWs();
        if (pos < end) {
            throw SipParseException.bad("unexpected '" + s.charAt(pos) + "' in " + what);
        }
    }

    /**
     * Splits a comma-separated header value into elements, honouring quoted-strings and angle
     * brackets (commas inside them do not separate). Empty elements are errors (RFC 3261 §7.3.1).
     *
     * @return start/end index pairs into {@link #text()}, trimmed of whitespace
     */
    public static int[] splitCommas(String s, String what) {
        if (s.indexOf(',') < 0) { // the usual case: one element
            int a = 0;
            int b = s.length();
            while (a < b && Chars.isWsp(s.charAt(a))) a++;
            while (b > a && Chars.isWsp(s.charAt(b - 1))) b--;
            if (a == b) {
                throw SipParseException.bad("empty element in " + what);
            }
            if (s.indexOf('"') < 0 && s.indexOf('<') < 0) {
                return new int[] {a, b};
            }
        }
        int[] out = new int[8];
        int n = 0;
        int start = 0;
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : ',';
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                if (i >= s.length()) {
                    throw SipParseException.bad("unterminated quoted-string in " + what);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                int a = start;
                int b = i;
                while (a < b && Chars.isWsp(s.charAt(a))) a++;
                while (b > a && Chars.isWsp(s.charAt(b - 1))) b--;
                if (a == b) {
                    throw SipParseException.bad("empty element in " + what);
                }
                if (n + 2 > out.length) {
                    out = java.util.Arrays.copyOf(out, out.length * 2);
                }
                out[n++] = a;
                out[n++] = b;
                start = i + 1;
            }
        }
        if (angle) {
            throw SipParseException.bad("unbalanced '<' in " + what);
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }
}
