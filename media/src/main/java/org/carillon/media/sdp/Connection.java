package org.carillon.media.sdp;

/**
 * A {@code c=} line (RFC 8866 §5.7).
 *
 * @param netType "IN"
 * @param addrType "IP4" or "IP6"
 * @param address host name or literal address (any "/ttl" suffix kept as received)
 */
public record Connection(String netType, String addrType, String address) {

    /** An IN IP4 or IN IP6 connection for {@code address}, chosen by whether it contains a colon. */
    public static Connection internet(String address) {
        return new Connection("IN", address.contains(":") ? "IP6" : "IP4", address);
    }

    /**
     * Whether this is the unspecified address {@code 0.0.0.0} (or {@code ::}), the RFC 2543 way of putting a
     * peer on hold that RFC 3264 §8.4 says must still be understood.
     */
    public boolean unspecified() {
        return address.equals("0.0.0.0") || address.equals("::");
    }

    @Override
    public String toString() {
        return netType + " " + addrType + " " + address;
    }
}
