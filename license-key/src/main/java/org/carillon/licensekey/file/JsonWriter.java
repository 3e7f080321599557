package org.carillon.licensekey.file;

import java.util.List;
import java.util.Map;

/**
 * A minimal deterministic JSON writer (RFC 8259) for the license shapes: objects (written in the map's
 * iteration order, so use a {@link java.util.LinkedHashMap}), lists, strings, integers and booleans.
 * No whitespace is emitted, so equal values give byte-equal text, which the golden vectors rely on.
 */
final class JsonWriter {

    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder(256);
        append(b, value);
        return b.toString();
    }

    private static void append(StringBuilder b, Object value) {
        switch (value) {
            case String s -> appendString(b, s);
            case Integer i -> b.append(i.intValue());
            case Long l -> b.append(l.longValue());
            case Boolean bool -> b.append(bool.booleanValue());
            case Map<?, ?> map -> {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    appendString(b, (String) e.getKey());
                    b.append(':');
                    append(b, e.getValue());
                }
                b.append('}');
            }
            case List<?> list -> {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    append(b, list.get(i));
                }
                b.append(']');
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName());
        }
    }

    /** RFC 8259 §7: quote, backslash and control characters are escaped; everything else is written as is. */
    private static void appendString(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
