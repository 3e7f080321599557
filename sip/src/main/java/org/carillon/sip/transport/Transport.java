package org.carillon.sip.transport;

/**
 * The transports of RFC 3261 §18 and RFC 7118. Only UDP and TCP are implemented; TLS and the
 * WebSocket ones are here so the rest of the stack (Via, transaction timers) already speaks of
 * them, and so adding them means adding a pipeline in {@link NettyTransport}, nothing more.
 */
public enum Transport {
    UDP(false, "UDP"),
    TCP(true, "TCP"),
    TLS(true, "TLS"),
    WS(true, "WS"),
    WSS(true, "WSS");

    private final boolean reliable;
    private final String viaName;

    Transport(boolean reliable, String viaName) {
        this.reliable = reliable;
        this.viaName = viaName;
    }

    /** True for stream transports: no retransmission timers A, E, G (RFC 3261 §17). */
    public boolean reliable() {
        return reliable;
    }

    /** The token in a Via sent-protocol, e.g. {@code TCP} in {@code SIP/2.0/TCP}. */
    public String viaName() {
        return viaName;
    }

    /**
     * The transport named by a Via token or a {@code transport=} URI parameter, case-insensitive.
     *
     * @throws IllegalArgumentException if it names no known transport
     */
    public static Transport fromName(String name) {
        for (Transport t : values()) {
            if (t.viaName.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown transport: " + name);
    }
}
