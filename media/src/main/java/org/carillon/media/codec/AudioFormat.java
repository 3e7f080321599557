package org.carillon.media.codec;

import java.util.OptionalInt;

/**
 * An RTP audio payload format as SDP names it (RFC 3551 §6, RFC 4733 §7).
 *
 * @param encoding encoding name, e.g. "PCMU", "telephone-event"
 * @param clockRate RTP clock rate in Hz
 * @param staticPayloadType the RFC 3551 static payload type, or -1 for a dynamic one
 */
public record AudioFormat(String encoding, int clockRate, int staticPayloadType) {

    /** G.711 µ-law, payload type 0. */
    public static final AudioFormat PCMU = new AudioFormat("PCMU", 8000, 0);
    /** G.711 A-law, payload type 8. */
    public static final AudioFormat PCMA = new AudioFormat("PCMA", 8000, 8);
    /** RFC 4733 named telephone events (DTMF), dynamic payload type. */
    public static final AudioFormat TELEPHONE_EVENT = new AudioFormat("telephone-event", 8000, -1);

    /** The static payload type, if the format has one. */
    public OptionalInt staticType() {
        return staticPayloadType >= 0 ? OptionalInt.of(staticPayloadType) : OptionalInt.empty();
    }
}
