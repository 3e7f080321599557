package org.carillon.sip.message;

/**
 * How strictly {@link SipParser} applies RFC 3261's grammar. The full table is in
 * {@code sip/README.md}; in short:
 * <ul>
 *   <li>{@link #STRICT}: the grammar as written. Every known header is parsed and validated while
 *       parsing, CRLF line ends only, single SP in the start line, Max-Forwards required.</li>
 *   <li>{@link #WIRE} (the default for the transport): strict on framing, on the start line's
 *       elements and on the headers that route the message (Via, From, To, Call-ID, CSeq,
 *       Max-Forwards, Content-Length, Request-URI), which are validated eagerly (From, To and
 *       the Request-URI in their common form checked on the bytes and built on first access);
 *       lenient on harmless deviations (bare LF line ends, extra SP in the start line, a missing
 *       SP after the status code, no empty line at the end of a bodiless datagram). Other headers
 *       are checked as header lines and parsed on first access.</li>
 *   <li>{@link #LENIENT}: for logs and tools: only framing and the start line are checked.</li>
 * </ul>
 */
public enum ParseMode {
    /** The RFC 3261 grammar as written. */
    STRICT,
    /** Strict on framing and routing headers, lenient on harmless deviations. The default. */
    WIRE,
    /** Framing and start line only; everything else on access. */
    LENIENT
}
