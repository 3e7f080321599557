package org.carillon.pbx.call;

import org.carillon.media.leg.LegSettings;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.relay.MediaEngine;
import org.carillon.media.wav.AudioClip;
import org.carillon.pbx.sipserver.SipServerSettings;
import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * The PBX's media side: one {@link MediaEngine} on {@code CARILLON_BIND} over {@code CARILLON_RTP_PORTS}, the address
 * our SDP announces, and the audio the PBX itself plays (the media module's built-in music on hold).
 *
 * <p>Threads: thread-safe; opening legs binds sockets and blocks briefly (call it on a call's executor).
 */
@Component
public class CallMedia implements AutoCloseable {
    private final MediaEngine engine;
    private final String sdpAddress;
    private final AudioClip musicOnHold = org.carillon.media.play.Prompts.musicOnHold();

    public CallMedia(Settings settings) {
        CallSettings s = CallSettings.from(settings);
        InetAddress bind = SipServerSettings.from(settings).bind();
        // the no-RTP watchdog is the call engine's RTP timeout; 0 (off) becomes a week, which never fires in practice
        Duration noRtp = s.rtpTimeout().isZero() ? Duration.ofDays(7) : s.rtpTimeout();
        LegSettings d = LegSettings.defaults();
        this.engine = new MediaEngine(new MediaEngine.Config(bind.getHostAddress(), s.rtpLow(), s.rtpHigh(), 0, true,
                new LegSettings(d.latchMode(), noRtp, d.rtcpInterval(), d.sendQueueBytes(), d.connectLatched()),
                prebound(s.rtpLow(), s.rtpHigh())));
        this.sdpAddress = s.externalAddress().orElseGet(() -> announced(bind));
    }

    /**
     * RTP/RTCP pairs each media loop keeps bound ahead (issue 6: binding on the spot cost more CPU per call than any
     * other media step): 16, fewer in a small range, so each loop holds at most 1/64 of it bound ahead.
     */
    static int prebound(int rtpLow, int rtpHigh) {
        return Math.min(16, (rtpHigh - rtpLow + 1) / 2 / 64);
    }

    /** The bind address unless it is the wildcard, then this host's address. */
    static String announced(InetAddress bind) {
        if (!bind.isAnyLocalAddress()) {
            return bind.getHostAddress();
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
    }

    public MediaEngine engine() {
        return engine;
    }

    /** The address in our SDP and Contact headers. */
    public String address() {
        return sdpAddress;
    }

    /** Our audio offer/answer preferences on {@code port}: PCMU, PCMA, telephone-event 101, 20 ms. */
    public LocalAudio local(int port) {
        return LocalAudio.defaults(sdpAddress, port);
    }

    public AudioClip musicOnHold() {
        return musicOnHold;
    }

    @Override
    public void close() {
        engine.close();
    }
}
