package org.carillon.media.offer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.sdp.Connection;
import org.carillon.media.sdp.MediaDescription;
import org.carillon.media.sdp.RtpMap;
import org.carillon.media.sdp.SessionDescription;

/** Reads the payload formats, ptime and address of one audio media section. */
final class OfferedFormats {

    private final MediaDescription m;
    private final List<RtpMap> maps;

    OfferedFormats(MediaDescription m) {
        this.m = m;
        this.maps = m.attributeValues("rtpmap").stream().flatMap(v -> RtpMap.parse(v).stream()).toList();
    }

    /** Whether the section is an RTP audio stream we can take part in (plain RTP/AVP, port not 0). */
    boolean usableAudio() {
        return m.media().equals("audio") && !m.rejected() && m.proto().equals("RTP/AVP");
    }

    /** The payload type {@code m} uses for {@code format}: its rtpmap, else the static number (RFC 3551). */
    OptionalInt payloadTypeOf(AudioFormat format) {
        for (String f : m.formats()) {
            int pt = parsePt(f);
            if (pt < 0) {
                continue;
            }
            RtpMap map = rtpMap(pt);
            if (map != null ? map.matches(format.encoding(), format.clockRate()) : pt == format.staticPayloadType()) {
                return OptionalInt.of(pt);
            }
        }
        return OptionalInt.empty();
    }

    /** The section's rtpmap for {@code pt}, null when it has none (a loop: this runs for every offer and answer). */
    private RtpMap rtpMap(int pt) {
        for (RtpMap r : maps) {
            if (r.payloadType() == pt) {
                return r;
            }
        }
        return null;
    }

    /** The first of the section's formats, in its order, that is in {@code ours}. */
    Optional<AudioFormat> firstCommon(List<AudioFormat> ours) {
        for (String f : m.formats()) {
            int pt = parsePt(f);
            for (AudioFormat candidate : ours) {
                if (pt >= 0 && payloadTypeOf(candidate).orElse(-1) == pt) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** a=ptime in milliseconds, 20 when absent or unreadable. */
    int ptime() {
        return m.attribute("ptime").flatMap(a -> a.value()).map(v -> {
            try {
                int p = Integer.parseInt(v.trim());
                return p >= 10 && p <= 200 ? p : 20;
            } catch (NumberFormatException e) {
                return 20;
            }
        }).orElse(20);
    }

    /**
     * Where the section's author receives RTP. Empty for 0.0.0.0 (hold, RFC 3264 §8.4). Literal addresses
     * only are resolved here; a host name stays unresolved (no DNS lookups inside the media engine).
     */
    static Optional<InetSocketAddress> address(SessionDescription sd, MediaDescription m) {
        Optional<Connection> c = sd.connectionFor(m);
        if (c.isEmpty() || c.get().unspecified() || m.port() == 0) {
            return Optional.empty();
        }
        String host = c.get().address();
        int slash = host.indexOf('/');
        if (slash > 0) {
            host = host.substring(0, slash);
        }
        try {
            return Optional.of(new InetSocketAddress(InetAddress.ofLiteral(host), m.port()));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.of(InetSocketAddress.createUnresolved(host, m.port()));
        }
    }

    private static int parsePt(String f) {
        try {
            int pt = Integer.parseInt(f);
            return pt >= 0 && pt <= 127 ? pt : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
