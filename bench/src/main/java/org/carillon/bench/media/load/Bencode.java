package org.carillon.bench.media.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bencode as rtpengine's ng control protocol uses it: byte strings, integers, lists, dictionaries. Strings
 * are treated as UTF-8 text (SDP and ng keys are ASCII). Encoding sorts dictionary keys, as the format asks.
 */
final class Bencode {

    private Bencode() {
    }

    static byte[] encode(Object value) {
        var out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        switch (value) {
            case String s -> {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeBytes((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(b);
            }
            case Number n -> out.writeBytes(("i" + n.longValue() + "e").getBytes(StandardCharsets.US_ASCII));
            case List<?> list -> {
                out.write('l');
                list.forEach(v -> write(out, v));
                out.write('e');
            }
            case Map<?, ?> map -> {
                out.write('d');
                new TreeMap<>(map).forEach((k, v) -> {
                    write(out, k);
                    write(out, v);
                });
                out.write('e');
            }
            default -> throw new IllegalArgumentException("cannot bencode " + value.getClass());
        }
    }

    /** Decodes one value starting at {@code from}. */
    static Object decode(byte[] in, int from) {
        return new Reader(in, from).read();
    }

    private static final class Reader {
        private final byte[] in;
        private int at;

        Reader(byte[] in, int at) {
            this.in = in;
            this.at = at;
        }

        Object read() {
            byte c = in[at];
            if (c == 'i') {
                int end = indexOf('e', ++at);
                long v = Long.parseLong(new String(in, at, end - at, StandardCharsets.US_ASCII));
                at = end + 1;
                return v;
            }
            if (c == 'l') {
                at++;
                List<Object> list = new ArrayList<>();
                while (in[at] != 'e') {
                    list.add(read());
                }
                at++;
                return list;
            }
            if (c == 'd') {
                at++;
                Map<String, Object> map = new LinkedHashMap<>();
                while (in[at] != 'e') {
                    String key = (String) read();
                    map.put(key, read());
                }
                at++;
                return map;
            }
            int colon = indexOf(':', at);
            int length = Integer.parseInt(new String(in, at, colon - at, StandardCharsets.US_ASCII));
            String s = new String(in, colon + 1, length, StandardCharsets.UTF_8);
            at = colon + 1 + length;
            return s;
        }

        private int indexOf(char c, int from) {
            for (int i = from; i < in.length; i++) {
                if (in[i] == c) {
                    return i;
                }
            }
            throw new IllegalArgumentException("truncated bencode");
        }
    }
}
