package org.carillon.media.sdp;

/** Writes a {@link SessionDescription} in the line order RFC 8866 §5 prescribes, with CRLF line ends. */
public final class SdpWriter {

    private static final String KNOWN = "iuepbrzk";

    private SdpWriter() {
    }

    /** The SDP text of {@code sd}. */
    public static String write(SessionDescription sd) {
        var out = new StringBuilder(512);
        line(out, 'v', "0");
        line(out, 'o', sd.origin().toString());
        line(out, 's', sd.sessionName());
        lines(out, sd, "iuep");
        sd.connection().ifPresent(c -> line(out, 'c', c.toString()));
        lines(out, sd, "b");
        line(out, 't', sd.timing());
        lines(out, sd, "rzk");
        sd.lines().stream().filter(l -> KNOWN.indexOf(l.type()) < 0).forEach(l -> line(out, l.type(), l.value()));
        sd.attributes().forEach(a -> line(out, 'a', a.text()));
        for (MediaDescription m : sd.media()) {
            var mline = new StringBuilder().append(m.media()).append(' ').append(m.port());
            if (m.portCount() != 1) {
                mline.append('/').append(m.portCount());
            }
            mline.append(' ').append(m.proto());
            m.formats().forEach(f -> mline.append(' ').append(f));
            line(out, 'm', mline.toString());
            m.lines().stream().filter(l -> l.type() == 'i').forEach(l -> line(out, 'i', l.value()));
            m.connection().ifPresent(c -> line(out, 'c', c.toString()));
            m.lines().stream().filter(l -> l.type() != 'i').forEach(l -> line(out, l.type(), l.value()));
            m.attributes().forEach(a -> line(out, 'a', a.text()));
        }
        return out.toString();
    }

    private static void lines(StringBuilder out, SessionDescription sd, String types) {
        for (char t : types.toCharArray()) {
            sd.lines().stream().filter(l -> l.type() == t).forEach(l -> line(out, t, l.value()));
        }
    }

    private static void line(StringBuilder out, char type, String value) {
        out.append(type).append('=').append(value).append("\r\n");
    }
}
