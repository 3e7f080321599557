package org.carillon.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A parsed SDP body (RFC 8866). Immutable; build changed copies with the {@code with...} methods.
 *
 * @param sessionName the {@code s=} text ("-" in what we write; received bodies may have it empty)
 * @param connection session-level {@code c=}, the default for every media section
 * @param timing the {@code t=} text, "0 0" for the unbounded sessions SIP uses
 * @param lines other session-level lines kept as received
 */
public record SessionDescription(Origin origin, String sessionName, Optional<Connection> connection, String timing,
                                 List<SdpLine> lines, List<Attribute> attributes, List<MediaDescription> media) {

    public SessionDescription {
        lines = List.copyOf(lines);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The connection that applies to {@code m}: its own, else the session's. */
    public Optional<Connection> connectionFor(MediaDescription m) {
        return m.connection().or(() -> connection);
    }

    /** A copy with another origin. */
    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, connection, timing, lines, attributes, media);
    }

    /** The body as text, CRLF line ends (see {@link SdpWriter}). */
    @Override
    public String toString() {
        return SdpWriter.write(this);
    }
}
