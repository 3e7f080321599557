package org.carillon.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The last resort for answering a request the parser refused even in lenient mode (e.g. a stream
 * header section whose Content-Length promised more than the limit): copy the Via, From, To,
 * Call-ID and CSeq lines as they are into an error response (RFC 3261 §8.2.6.2). Nothing is
 * answered unless the first line is a request line (not ACK) and there is a Via.
 */
final class RawReply {

    private static final Set<String> COPIED = Set.of("via", "v", "from", "f", "to", "t", "call-id", "i", "cseq");

    private RawReply() {
    }

    static Optional<byte[]> build(byte[] head, int status, String reason) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n", -1);
        String[] start = lines[0].split(" ");
        if (start.length != 3 || !start[2].equals("SIP/2.0") || start[0].equals("ACK") || start[0].isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(256).append("SIP/2.0 ").append(status).append(' ').append(reason)
                .append("\r\n");
        boolean via = false;
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (COPIED.contains(name)) {
                via |= name.equals("via") || name.equals("v");
                out.append(lines[i]).append("\r\n");
            }
        }
        if (!via) {
            return Optional.empty();
        }
        out.append("Content-Length: 0\r\n\r\n");
        return Optional.of(out.toString().getBytes(StandardCharsets.ISO_8859_1));
    }
}
