package org.carillon.media.sdp;

/**
 * The {@code o=} line (RFC 8866 §5.2). RFC 3264 §5 and §8: the session id stays, the version goes up by one
 * each time the description changes.
 *
 * @param sessionId numeric string, kept as text because phones send values beyond 64 bits
 * @param version session version, 0..2^63-1
 */
public record Origin(String username, String sessionId, long version, String netType, String addrType,
                     String address) {

    /** This origin with {@code version} replaced. */
    public Origin withVersion(long newVersion) {
        return new Origin(username, sessionId, newVersion, netType, addrType, address);
    }

    @Override
    public String toString() {
        return username + " " + sessionId + " " + version + " " + netType + " " + addrType + " " + address;
    }
}
