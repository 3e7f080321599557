package org.carillon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.leg.AddressLatch;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.sdp.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two legs opened for different calls sit on different event loops; an attended transfer bridges them with
 * {@link Bridge#connectAcross}: packets still flow both ways, transcoded where the codecs differ.
 */
class BridgeAcrossLoopsIT {
    private final MediaEngine engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", 47000, 47999, 2, true,
            new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5), 65536,
                    true)));
    private final UdpPhone alice = new UdpPhone();
    private final UdpPhone bob = new UdpPhone();
    private final MediaLeg a = engine.openLeg();
    private final MediaLeg b = engine.openLeg();

    @AfterEach
    void stop() {
        a.close();
        b.close();
        engine.close();
        alice.close();
        bob.close();
    }

    private static NegotiatedAudio audio(InetSocketAddress remote, AudioFormat codec) {
        return new NegotiatedAudio(Optional.of(remote), codec, codec.staticPayloadType(), codec.staticPayloadType(),
                OptionalInt.empty(), OptionalInt.empty(), 20, Direction.SENDRECV);
    }

    @Test
    void legsOnTwoEventLoopsRelayBothWaysAndTranscode() {
        assertThat(a.channel().eventLoop()).isNotSameAs(b.channel().eventLoop());
        a.apply(audio(alice.address(), AudioFormat.PCMU)).join();
        b.apply(audio(bob.address(), AudioFormat.PCMA)).join();
        Bridge bridge = Bridge.connectAcross(a, b);
        byte[] ulaw = new byte[160];
        Arrays.fill(ulaw, G711.ulawEncode(1200));
        for (int n = 0; n < 10; n++) {
            alice.sendRtp(a.localPort(), n == 0, 0, 0xA11CE, n * 160, ulaw);
            byte[] p = bob.receiveRtp();
            assertThat(p[1] & 0x7F).isEqualTo(8);
            assertThat(p[12]).isEqualTo(G711.ulawToAlaw(ulaw[0]));
        }
        byte[] alaw = new byte[160];
        Arrays.fill(alaw, G711.alawEncode(-900));
        bob.sendRtp(b.localPort(), true, 8, 0xB0B, 0, alaw);
        byte[] back = alice.receiveRtp();
        assertThat(back[1] & 0x7F).isZero();
        assertThat(back[12]).isEqualTo(G711.alawToUlaw(alaw[0]));
        bridge.close();
        assertThat(b.statistics().counts().packetsOut()).isEqualTo(10);
    }
}
