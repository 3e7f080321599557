package org.carillon.media.offer;

import java.security.SecureRandom;
import org.carillon.media.sdp.Origin;
import org.carillon.media.sdp.SessionDescription;

/**
 * Our side's {@code o=} line across one dialog's offers and answers: the session id is fixed, the version
 * goes up by exactly one whenever the description we send changes, and stays the same when we send the
 * same description again (RFC 3264 §8; RFC 4317 §2.5 shows the unchanged case).
 *
 * <p>Used on the call's own thread; not thread-safe.
 */
public final class SdpSession {

    private final String username;
    private final String sessionId;
    private final String address;
    private long version;
    private String lastBody;

    /** A session with a random id and version (RFC 8866 §5.2 suggests an NTP-like value; any number works). */
    public SdpSession(String username, String address) {
        this(username, Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE >>> 2), address);
    }

    /** A session with the given id; its first version equals the id, as many stacks do. */
    public SdpSession(String username, String sessionId, String address) {
        this.username = username;
        this.sessionId = sessionId;
        this.address = address;
        this.version = Long.parseLong(sessionId);
    }

    /** {@code sd} with our origin stamped on it, the version bumped if the body changed since last time. */
    public SessionDescription stamp(SessionDescription sd) {
        String body = sd.withOrigin(origin(0)).toString();
        if (lastBody != null && !body.equals(lastBody)) {
            version++;
        }
        lastBody = body;
        return sd.withOrigin(origin(version));
    }

    /** The version last stamped. */
    public long version() {
        return version;
    }

    private Origin origin(long v) {
        return new Origin(username, sessionId, v, "IN", address.contains(":") ? "IP6" : "IP4", address);
    }
}
