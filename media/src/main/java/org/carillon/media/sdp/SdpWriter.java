package org.carillon.media.sdp;

import java.util.List;

/** Writes a {@link SessionDescription} in the line order RFC 8866 §5 prescribes, with CRLF line ends. */
public final class SdpWriter {

    private static final String KNOWN = "iuepbrzk";

    private SdpWriter() {
    }

    /**
     * The SDP text of {@code sd}. Written straight into one builder with plain loops: two descriptions are written
     * for every call (and one per re-INVITE), so no per-line strings, streams or lambdas.
     */
    public static String write(SessionDescription sd) {
        var out = new StringBuilder(512);
        line(out, 'v', "0");
        Origin o = sd.origin();
        out.append("o=").append(o.username()).append(' ').append(o.sessionId()).append(' ').append(o.version())
                .append(' ').append(o.netType()).append(' ').append(o.addrType()).append(' ').append(o.address())
                .append("\r\n");
        line(out, 's', sd.sessionName());
        lines(out, sd.lines(), "iuep");
        if (sd.connection().isPresent()) {
            connection(out, sd.connection().get());
        }
        lines(out, sd.lines(), "b");
        line(out, 't', sd.timing());
        lines(out, sd.lines(), "rzk");
        for (SdpLine l : sd.lines()) {
            if (KNOWN.indexOf(l.type()) < 0) {
                line(out, l.type(), l.value());
            }
        }
        attributes(out, sd.attributes());
        for (MediaDescription m : sd.media()) {
            out.append("m=").append(m.media()).append(' ').append(m.port());
            if (m.portCount() != 1) {
                out.append('/').append(m.portCount());
            }
            out.append(' ').append(m.proto());
            for (String f : m.formats()) {
                out.append(' ').append(f);
            }
            out.append("\r\n");
            lines(out, m.lines(), "i");
            if (m.connection().isPresent()) {
                connection(out, m.connection().get());
            }
            for (SdpLine l : m.lines()) {
                if (l.type() != 'i') {
                    line(out, l.type(), l.value());
                }
            }
            attributes(out, m.attributes());
        }
        return out.toString();
    }

    private static void lines(StringBuilder out, List<SdpLine> lines, String types) {
        for (int i = 0; i < types.length(); i++) {
            char t = types.charAt(i);
            for (SdpLine l : lines) {
                if (l.type() == t) {
                    line(out, t, l.value());
                }
            }
        }
    }

    private static void connection(StringBuilder out, Connection c) {
        out.append("c=").append(c.netType()).append(' ').append(c.addrType()).append(' ').append(c.address())
                .append("\r\n");
    }

    private static void attributes(StringBuilder out, List<Attribute> attributes) {
        for (Attribute a : attributes) {
            out.append("a=").append(a.name());
            if (a.value().isPresent()) {
                out.append(':').append(a.value().get());
            }
            out.append("\r\n");
        }
    }

    private static void line(StringBuilder out, char type, String value) {
        out.append(type).append('=').append(value).append("\r\n");
    }
}
