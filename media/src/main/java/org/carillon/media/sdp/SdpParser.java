package org.carillon.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses SDP (RFC 8866 §5, §9) as phones send it: lines end in CRLF or a bare LF (§5 asks parsers to accept
 * both); unknown line types and attributes are kept, not refused; {@code s=} and {@code t=} may be missing
 * or empty, as some phones send them.
 *
 * <p>Limits, each an {@link SdpParseException}: {@value #MAX_LENGTH} characters, {@value #MAX_LINES} lines,
 * {@value #MAX_MEDIA} media sections, {@value #MAX_FORMATS} formats per section. Stateless and thread-safe.
 */
public final class SdpParser {

    public static final int MAX_LENGTH = 32 * 1024;
    public static final int MAX_LINES = 1024;
    public static final int MAX_MEDIA = 32;
    public static final int MAX_FORMATS = 64;

    private SdpParser() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws SdpParseException on a syntax error or an exceeded limit
     */
    public static SessionDescription parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new SdpParseException("SDP longer than " + MAX_LENGTH + " characters");
        }
        String[] raw = text.split("\r?\n", -1);
        int count = raw.length;
        while (count > 0 && raw[count - 1].isEmpty()) {
            count--;
        }
        if (count > MAX_LINES) {
            throw new SdpParseException("SDP has more than " + MAX_LINES + " lines");
        }
        if (count == 0 || !raw[0].equals("v=0")) {
            throw new SdpParseException("SDP must start with v=0");
        }
        Origin origin = null;
        String sessionName = "-";
        String timing = "0 0";
        Optional<Connection> connection = Optional.empty();
        var lines = new ArrayList<SdpLine>();
        var attributes = new ArrayList<Attribute>();
        var media = new ArrayList<MediaDescription>();
        MediaBuilder current = null;
        for (int i = 1; i < count; i++) {
            String line = raw[i];
            if (line.length() < 2 || line.charAt(1) != '=' || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                throw new SdpParseException("line " + (i + 1) + " is not <type>=<value>");
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                if (media.size() + (current == null ? 0 : 1) >= MAX_MEDIA) {
                    throw new SdpParseException("more than " + MAX_MEDIA + " media sections");
                }
                if (current != null) {
                    media.add(current.build());
                }
                current = new MediaBuilder(value);
                continue;
            }
            if (current != null) {
                switch (type) {
                    case 'c' -> current.connection = Optional.of(connection(value));
                    case 'a' -> current.attributes.add(attribute(value));
                    default -> current.lines.add(new SdpLine(type, value));
                }
                continue;
            }
            switch (type) {
                case 'o' -> origin = origin(value);
                case 's' -> sessionName = value;
                case 't' -> timing = value;
                case 'c' -> connection = Optional.of(connection(value));
                case 'a' -> attributes.add(attribute(value));
                case 'v' -> throw new SdpParseException("second v= line");
                default -> lines.add(new SdpLine(type, value));
            }
        }
        if (current != null) {
            media.add(current.build());
        }
        if (origin == null) {
            throw new SdpParseException("no o= line");
        }
        return new SessionDescription(origin, sessionName, connection, timing, lines, attributes, media);
    }

    private static Origin origin(String value) {
        String[] f = value.split(" ");
        if (f.length != 6) {
            throw new SdpParseException("o= needs 6 fields: " + value);
        }
        try {
            long version = Long.parseUnsignedLong(f[2]);
            if (version < 0) {
                throw new SdpParseException("o= version beyond 2^63: " + f[2]);
            }
            return new Origin(f[0], f[1], version, f[3], f[4], f[5]);
        } catch (NumberFormatException e) {
            throw new SdpParseException("o= version is not a number: " + f[2]);
        }
    }

    private static Connection connection(String value) {
        String[] f = value.split(" ");
        if (f.length != 3 || !f[0].equals("IN") || !(f[1].equals("IP4") || f[1].equals("IP6"))) {
            throw new SdpParseException("c= must be 'IN IP4|IP6 <address>': " + value);
        }
        return new Connection(f[0], f[1], f[2]);
    }

    private static Attribute attribute(String value) {
        int colon = value.indexOf(':');
        if (colon == 0 || value.isEmpty()) {
            throw new SdpParseException("a= without a name");
        }
        return colon < 0 ? Attribute.flag(value) : Attribute.of(value.substring(0, colon), value.substring(colon + 1));
    }

    private static final class MediaBuilder {
        final String media;
        final int port;
        final int portCount;
        final String proto;
        final List<String> formats;
        Optional<Connection> connection = Optional.empty();
        final List<SdpLine> lines = new ArrayList<>();
        final List<Attribute> attributes = new ArrayList<>();

        MediaBuilder(String value) {
            String[] f = value.split(" ");
            if (f.length < 3) {
                throw new SdpParseException("m= needs media, port and proto: " + value);
            }
            if (f.length - 3 > MAX_FORMATS) {
                throw new SdpParseException("more than " + MAX_FORMATS + " formats in m=");
            }
            media = f[0];
            String[] port = f[1].split("/", 2);
            this.port = number(port[0], 65535, "port");
            this.portCount = port.length == 2 ? number(port[1], 65535, "port count") : 1;
            proto = f[2];
            formats = List.of(f).subList(3, f.length);
        }

        MediaDescription build() {
            return new MediaDescription(media, port, portCount, proto, formats, connection, lines, attributes);
        }
    }

    private static int number(String s, int max, String what) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdpParseException("bad " + what + ": " + s);
        }
        int n = Integer.parseInt(s);
        if (n > max) {
            throw new SdpParseException(what + " out of range: " + s);
        }
        return n;
    }
}
