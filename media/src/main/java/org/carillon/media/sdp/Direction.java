package org.carillon.media.sdp;

import java.util.List;
import java.util.Optional;

/**
 * The direction attributes of RFC 8866 §6.7 / RFC 3264 §5.1, seen from the author of the SDP: what it will
 * do. Holding a call is a re-offer with {@code sendonly} (or {@code inactive}, RFC 3264 §8.4).
 */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    /** Whether the author sends media. */
    public boolean sends() {
        return sends;
    }

    /** Whether the author receives media. */
    public boolean receives() {
        return receives;
    }

    /** The attribute name, e.g. "sendonly". */
    public String attribute() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction the other side sees: sendonly becomes recvonly and so on (RFC 3264 §6.1). */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** Both directions' common ground: sends only if both send, receives only if both receive. */
    public Direction and(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    /** The direction with the given abilities. */
    public static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    /** The direction attribute among {@code attributes}, if there is one. */
    public static Optional<Direction> find(List<Attribute> attributes) {
        for (Attribute a : attributes) {
            if (a.value().isEmpty()) {
                for (Direction d : values()) {
                    if (a.is(d.attribute())) {
                        return Optional.of(d);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The direction of {@code m}: its own attribute, else the session's, else sendrecv (RFC 8866 §6.7). */
    public static Direction of(SessionDescription sd, MediaDescription m) {
        return find(m.attributes()).or(() -> find(sd.attributes())).orElse(SENDRECV);
    }
}
