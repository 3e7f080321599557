package org.carillon.licensekey.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal strict JSON reader (RFC 8259) for the license shapes. Objects become {@link LinkedHashMap},
 * arrays {@link List}, strings {@link String}, numbers {@link Long} (integers only: no fraction or
 * exponent, at most 18 digits), {@code true}/{@code false} {@link Boolean}, {@code null} {@link #NULL}.
 *
 * <p>Limits, because the header is read before the signature is checked: at most {@link #MAX_LENGTH}
 * characters, nesting depth {@link #MAX_DEPTH}. Duplicate member names are refused (RFC 8259 §4 leaves
 * them undefined, and an ambiguous signed document is a classic attack). Not thread-safe; one per parse.
 */
final class JsonReader {

    static final int MAX_LENGTH = 16 * 1024;
    static final int MAX_DEPTH = 6;
    /** Stands for JSON {@code null}, so maps never hold Java nulls. */
    static final Object NULL = new Object();

    private final String s;
    private int pos;

    private JsonReader(String s) {
        this.s = s;
    }

    /** @throws JsonException on anything but exactly one well-formed value (surrounding whitespace allowed) */
    static Object read(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new JsonException("JSON longer than " + MAX_LENGTH + " characters");
        }
        JsonReader r = new JsonReader(text);
        Object value = r.value(0);
        r.skipWhitespace();
        if (r.pos != text.length()) {
            throw new JsonException("unexpected text after the JSON value at " + r.pos);
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new JsonException("JSON nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        char c = peek();
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw new JsonException("unexpected '" + c + "' at " + pos);
            }
        };
    }

    private Map<String, Object> object(int depth) {
        expect('{');
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            String name = string();
            skipWhitespace();
            expect(':');
            if (map.put(name, value(depth + 1)) != null) {
                throw new JsonException("duplicate member \"" + name + "\"");
            }
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) {
        expect('[');
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new JsonException("control character in a string at " + (pos - 1));
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(hex4());
                default -> throw new JsonException("bad escape \\" + e + " at " + (pos - 1));
            }
        }
    }

    private char hex4() {
        if (pos + 4 > s.length()) {
            throw new JsonException("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(pos++);
            // ASCII only: Character.digit would also take other scripts' digits
            int d = c < 0x80 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                throw new JsonException("bad \\u escape at " + (pos - 1));
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private Long number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        int count = pos - digits;
        if (count == 0 || count > 18 || (count > 1 && s.charAt(digits) == '0')) {
            throw new JsonException("bad integer at " + start);
        }
        if (pos < s.length() && (s.charAt(pos) == '.' || s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            throw new JsonException("only integers are allowed, at " + start);
        }
        return Long.parseLong(s, start, pos, 10);
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw new JsonException("unexpected text at " + pos);
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw new JsonException("JSON ends too early");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new JsonException("expected '" + c + "' at " + (pos - 1));
        }
    }
}
