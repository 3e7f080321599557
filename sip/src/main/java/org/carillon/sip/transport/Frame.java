package org.carillon.sip.transport;

/** What {@link StreamFramer} cuts out of a stream. */
sealed interface Frame {

    /** One whole SIP message: header section, blank line and exactly Content-Length body bytes. */
    record Message(byte[] bytes) implements Frame {
    }

    /** An RFC 5626 §3.5.1 keep-alive ping (CRLFCRLF); the answer is a single CRLF pong. */
    enum Ping implements Frame {
        INSTANCE
    }

    /**
     * The stream cannot be framed; {@code head} is as much of the header section as was read
     * (enough to answer 400 when the start line and Via survived).
     */
    record Broken(byte[] head, String reason) implements Frame {
    }
}
