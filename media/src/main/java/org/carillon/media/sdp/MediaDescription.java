package org.carillon.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One media section: the {@code m=} line and what follows it up to the next (RFC 8866 §5.14).
 *
 * @param media "audio", "video", ...
 * @param port transport port; 0 means the stream is rejected or removed (RFC 3264 §6, §8.2)
 * @param portCount number of ports from {@code m=audio 49170/2}, 1 when absent
 * @param proto "RTP/AVP", ...
 * @param formats payload type numbers for RTP profiles, in the author's preference order
 * @param connection a media-level {@code c=} line, overriding the session's
 * @param lines other lines kept as received ({@code i=}, {@code b=}, {@code k=})
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
                               Optional<Connection> connection, List<SdpLine> lines, List<Attribute> attributes) {

    public MediaDescription {
        formats = List.copyOf(formats);
        lines = List.copyOf(lines);
        attributes = List.copyOf(attributes);
    }

    /** The first attribute named {@code name}. */
    public Optional<Attribute> attribute(String name) {
        for (Attribute a : attributes) { // a loop, not a stream: read several times per offer/answer
            if (a.is(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Values of every attribute named {@code name}, in order. */
    public List<String> attributeValues(String name) {
        List<String> values = new ArrayList<>(attributes.size());
        for (Attribute a : attributes) {
            if (a.is(name) && a.value().isPresent()) {
                values.add(a.value().get());
            }
        }
        return List.copyOf(values);
    }

    /** Whether the stream is rejected/disabled (port 0). */
    public boolean rejected() {
        return port == 0;
    }
}
