package org.carillon.media.dtmf;

import org.carillon.media.rtp.RtpPacket;

/**
 * Turns received RFC 4733 telephone-event packets into one {@link DtmfEvent} per key press.
 *
 * <p>All packets of one event share an RTP timestamp (RFC 4733 §2.5.1.2); updates repeat it with a growing
 * duration, and the end packet is sent three times (§2.5.1.4). So: a new timestamp starts an event (and
 * closes an open one whose end was lost), the first end packet reports it, and later packets with that
 * timestamp are retransmissions and ignored. Not thread-safe: one leg, one thread. No allocation per packet
 * except the event reported.
 */
public final class DtmfReceiver {

    private final DtmfListener listener;
    private final int clockRate;
    private boolean open;
    private boolean seenAny;
    private int ssrc;
    private int timestamp;
    private int event;
    private int duration;
    private int volume;

    /** @param clockRate the RTP clock of the event stream, Hz */
    public DtmfReceiver(DtmfListener listener, int clockRate) {
        this.listener = listener;
        this.clockRate = clockRate;
    }

    /**
     * Accounts one telephone-event packet.
     *
     * @return false when the payload is not a usable event (too short, unknown code); the caller counts it
     */
    public boolean receive(RtpPacket packet) {
        if (packet.payloadLength() < TelephoneEvent.LENGTH) {
            return false;
        }
        int at = packet.payloadOffset();
        int code = TelephoneEvent.event(packet.buffer(), at);
        if (DtmfDigit.ofEvent(code).isEmpty()) {
            return false; // tones and line events (RFC 4734) are not digits
        }
        boolean sameEvent = seenAny && packet.ssrc() == ssrc && packet.timestamp() == timestamp;
        if (!sameEvent) {
            if (open) {
                report(false);
            }
            seenAny = true;
            open = true;
            ssrc = packet.ssrc();
            timestamp = packet.timestamp();
            event = code;
            duration = 0;
            listener.eventStarted(DtmfDigit.ofEvent(code).orElseThrow());
        } else if (!open) {
            return true; // retransmitted end packet
        }
        duration = Math.max(duration, TelephoneEvent.duration(packet.buffer(), at));
        volume = TelephoneEvent.volume(packet.buffer(), at);
        if (TelephoneEvent.end(packet.buffer(), at)) {
            report(true);
        }
        return true;
    }

    private void report(boolean endSeen) {
        open = false;
        listener.eventEnded(new DtmfEvent(DtmfDigit.ofEvent(event).orElseThrow(),
                (int) (duration * 1000L / clockRate), volume, endSeen));
    }
}
