package org.carillon.sip.uri;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The {@code %HH} escapes of SIP URIs (RFC 3261 §19.1.2, §25.1). */
public final class Escapes {
    private Escapes() {
    }

    /** Decodes {@code %HH} escapes as octets, then UTF-8; a malformed escape is kept as written. */
    public static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
