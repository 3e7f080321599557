package org.carillon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.dtmf.DtmfEvent;
import org.carillon.media.leg.AddressLatch;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.sdp.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two UDP "phones" on loopback talk through a real relay (epoll when available). Port plan: media ITs use
 * RTP ports 46000-46999; the phones take OS-chosen ports.
 */
class RelayIT {

    private MediaEngine engine;
    private final UdpPhone alice = new UdpPhone();
    private final UdpPhone bob = new UdpPhone();
    private final UdpPhone mallory = new UdpPhone();
    private MediaLeg a;
    private MediaLeg b;

    @BeforeEach
    void start() {
        start(true);
    }

    /** @param connect whether legs connect their sockets to the latched peer (the default) */
    private void start(boolean connect) {
        engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", 46000, 46999, 1, true,
                new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5), 65536,
                        connect)));
        a = engine.openLeg();
        b = engine.openLegBeside(a);
    }

    private void closeEngine() {
        a.close();
        b.close();
        engine.close();
    }

    @AfterEach
    void stop() {
        closeEngine();
        alice.close();
        bob.close();
        mallory.close();
    }

    private static NegotiatedAudio audio(InetSocketAddress remote, AudioFormat codec, OptionalInt te, Direction d) {
        return new NegotiatedAudio(Optional.of(remote), codec, codec.staticPayloadType(),
                codec.staticPayloadType(), te, te, 20, d);
    }

    private void negotiate(AudioFormat aCodec, AudioFormat bCodec, OptionalInt bTe) {
        a.apply(audio(alice.address(), aCodec, OptionalInt.of(101), Direction.SENDRECV)).join();
        b.apply(audio(bob.address(), bCodec, bTe, Direction.SENDRECV)).join();
        Bridge.connect(a, b);
    }

    private static byte[] tone(int n, int offset) {
        byte[] p = new byte[160];
        for (int i = 0; i < p.length; i++) {
            p[i] = G711.ulawEncode((int) (8000 * Math.sin((n * 160 + i + offset) * 2 * Math.PI * 440 / 8000)));
        }
        return p;
    }

    private static int seq(byte[] p) {
        return ByteBuffer.wrap(p).getShort(2) & 0xFFFF;
    }

    private static int ssrc(byte[] p) {
        return ByteBuffer.wrap(p).getInt(8);
    }

    @Test
    void relaysG711BothWaysWithTheBytesIntactAndOneSsrcPerLeg() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMU, OptionalInt.of(101));
        List<byte[]> atBob = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            alice.sendRtp(a.localPort(), n == 0, 0, 0xA11CE, n * 160, tone(n, 0));
            atBob.add(bob.receiveRtp());
        }
        for (int n = 0; n < 20; n++) {
            byte[] p = atBob.get(n);
            assertThat(p[1] & 0x7F).isZero();
            assertThat(Arrays.copyOfRange(p, 12, p.length)).isEqualTo(tone(n, 0));
            assertThat(ssrc(p)).isNotEqualTo(0xA11CE).isEqualTo(ssrc(atBob.get(0)));
            assertThat(seq(p)).isEqualTo((seq(atBob.get(0)) + n) & 0xFFFF);
        }
        bob.sendRtp(b.localPort(), true, 0, 0xB0B, 0, tone(0, 3));
        byte[] atAlice = alice.receiveRtp();
        assertThat(Arrays.copyOfRange(atAlice, 12, atAlice.length)).isEqualTo(tone(0, 3));
        assertThat(a.statistics().counts().packetsIn()).isEqualTo(20);
        assertThat(b.statistics().counts().packetsOut()).isEqualTo(20);
        assertThat(a.latchedAddress()).contains(alice.address());
    }

    @Test
    void theEngineCensusCountsOpenLegsAndKeepsTheCountsOfClosedOnes() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMU, OptionalInt.of(101));
        for (int n = 0; n < 5; n++) {
            alice.sendRtp(a.localPort(), n == 0, 0, 0xA11CE, n * 160, tone(n, 0));
            bob.receiveRtp();
        }
        LegCensus.Figures live = engine.census();
        assertThat(live.openLegs()).isEqualTo(2);
        assertThat(live.totals().packetsIn()).isEqualTo(5);
        assertThat(live.totals().packetsOut()).isEqualTo(5);

        MediaLeg third = engine.openLeg();
        assertThat(engine.census().openLegs()).isEqualTo(3);
        a.close();
        a.channel().closeFuture().syncUninterruptibly();
        a.channel().eventLoop().submit(() -> { }).syncUninterruptibly(); // close listeners run before this task
        LegCensus.Figures after = engine.census();
        assertThat(after.openLegs()).isEqualTo(2);
        assertThat(after.totals().packetsIn()).isEqualTo(5); // a's counts stay in the totals
        assertThat(after.totals().packetsOut()).isEqualTo(5);
        third.close();
    }

    @Test
    void transcodesMuLawOnOneSideToALawOnTheOther() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMA, OptionalInt.of(101));
        alice.sendRtp(a.localPort(), true, 0, 1, 0, tone(0, 0));
        byte[] p = bob.receiveRtp();
        assertThat(p[1] & 0x7F).isEqualTo(8);
        byte[] expected = tone(0, 0);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = G711.ulawToAlaw(expected[i]);
        }
        assertThat(Arrays.copyOfRange(p, 12, p.length)).isEqualTo(expected);
        // and back: A-law from Bob arrives at Alice as µ-law
        byte[] alaw = new byte[160];
        Arrays.fill(alaw, G711.alawEncode(1000));
        bob.sendRtp(b.localPort(), true, 8, 2, 0, alaw);
        byte[] back = alice.receiveRtp();
        assertThat(back[1] & 0x7F).isZero();
        assertThat(back[12]).isEqualTo(G711.alawToUlaw(G711.alawEncode(1000)));
    }

    @Test
    void latchesTheFirstSourceAndDropsAndCountsAStranger() {
        closeEngine();
        start(false); // unconnected sockets: the leg itself sees and counts the stranger
        // SDP said Alice is on port 9 (a NAT rewrote her port): the first packet latches her real address
        a.apply(audio(new InetSocketAddress("127.0.0.1", 9), AudioFormat.PCMU, OptionalInt.of(101),
                Direction.SENDRECV)).join();
        b.apply(audio(bob.address(), AudioFormat.PCMU, OptionalInt.of(101), Direction.SENDRECV)).join();
        Bridge.connect(a, b);
        alice.sendRtp(a.localPort(), true, 0, 1, 0, tone(0, 0));
        bob.receiveRtp();
        mallory.sendRtp(a.localPort(), true, 0, 66, 0, tone(1, 0));
        alice.sendRtp(a.localPort(), false, 0, 1, 160, tone(2, 0));
        byte[] second = bob.receiveRtp();
        assertThat(Arrays.copyOfRange(second, 12, second.length)).isEqualTo(tone(2, 0)); // Mallory's never came
        bob.sendRtp(b.localPort(), true, 0, 2, 0, tone(0, 0));
        assertThat(alice.receiveRtp()).isNotNull(); // replies go to the latched address, not port 9
        assertThat(a.statistics().counts().rejectedSource()).isEqualTo(1);
        assertThat(mallory.receive(200)).isEmpty();
    }

    @Test
    void aConnectedLegLetsTheKernelDropStrangersAndFollowsAMovedPeer() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMU, OptionalInt.of(101));
        alice.sendRtp(a.localPort(), true, 0, 1, 0, tone(0, 0));
        bob.receiveRtp();
        mallory.sendRtp(a.localPort(), true, 0, 66, 0, tone(1, 0));
        alice.sendRtp(a.localPort(), false, 0, 1, 160, tone(2, 0));
        assertThat(Arrays.copyOfRange(bob.receiveRtp(), 12, 172)).isEqualTo(tone(2, 0));
        assertThat(a.latchedAddress()).contains(alice.address());
        // a re-INVITE moves Alice to another address (here: Mallory's socket plays the new phone)
        a.apply(audio(mallory.address(), AudioFormat.PCMU, OptionalInt.of(101), Direction.SENDRECV)).join();
        assertThat(a.latchedAddress()).isEmpty();
        mallory.sendRtp(a.localPort(), true, 0, 77, 0, tone(3, 0));
        assertThat(Arrays.copyOfRange(bob.receiveRtp(), 12, 172)).isEqualTo(tone(3, 0));
        bob.sendRtp(b.localPort(), true, 0, 2, 0, tone(4, 0));
        assertThat(Arrays.copyOfRange(mallory.receiveRtp(), 12, 172)).isEqualTo(tone(4, 0));
        assertThat(alice.receive(200)).isEmpty();
    }

    @Test
    void aPeerThatWentAwayDoesNotBreakTheLeg() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMU, OptionalInt.of(101));
        alice.sendRtp(a.localPort(), true, 0, 1, 0, tone(0, 0));
        bob.receiveRtp();
        alice.close(); // sends to her port now draw ICMP port-unreachable on a connected socket
        for (int n = 0; n < 5; n++) {
            bob.sendRtp(b.localPort(), n == 0, 0, 2, n * 160, tone(n, 0));
        }
        a.apply(audio(mallory.address(), AudioFormat.PCMU, OptionalInt.of(101), Direction.SENDRECV)).join();
        mallory.sendRtp(a.localPort(), true, 0, 77, 0, tone(5, 0));
        assertThat(Arrays.copyOfRange(bob.receiveRtp(), 12, 172)).isEqualTo(tone(5, 0));
        assertThat(a.channel().isOpen()).isTrue();
    }

    @Test
    void holdStopsOneDirectionAndResumeRestoresIt() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMU, OptionalInt.of(101));
        alice.sendRtp(a.localPort(), true, 0, 1, 0, tone(0, 0));
        bob.receiveRtp();
        // Alice's phone put us on hold (a=sendonly from her): we answer recvonly towards her
        a.apply(audio(alice.address(), AudioFormat.PCMU, OptionalInt.of(101), Direction.RECVONLY)).join();
        bob.sendRtp(b.localPort(), true, 0, 2, 0, tone(0, 0));
        alice.sendRtp(a.localPort(), false, 0, 1, 160, tone(1, 0)); // music from her phone still flows to Bob
        assertThat(Arrays.copyOfRange(bob.receiveRtp(), 12, 172)).isEqualTo(tone(1, 0));
        assertThat(alice.receive(300)).isEmpty();
        assertThat(a.statistics().counts().directionDropped()).isEqualTo(1);
        a.apply(audio(alice.address(), AudioFormat.PCMU, OptionalInt.of(101), Direction.INACTIVE)).join();
        alice.sendRtp(a.localPort(), false, 0, 1, 320, tone(2, 0));
        assertThat(bob.receive(300)).isEmpty();
        a.apply(audio(alice.address(), AudioFormat.PCMU, OptionalInt.of(101), Direction.SENDRECV)).join();
        bob.sendRtp(b.localPort(), false, 0, 2, 160, tone(1, 0));
        assertThat(Arrays.copyOfRange(alice.receiveRtp(), 12, 172)).isEqualTo(tone(1, 0));
    }

    @Test
    void passesDtmfThroughWithThePeersPayloadTypeAndReportsIt() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMA, OptionalInt.of(96));
        List<DtmfEvent> heard = new CopyOnWriteArrayList<>();
        a.addDtmfListener(heard::add);
        byte[] event = {7, (byte) 0x8A, 0x03, 0x20}; // digit 7, end, volume 10, 800 ticks
        for (int i = 0; i < 3; i++) {
            alice.sendRtp(a.localPort(), i == 0, 101, 1, 4000, event);
        }
        for (int i = 0; i < 3; i++) {
            byte[] p = bob.receiveRtp();
            assertThat(p[1] & 0x7F).isEqualTo(96);
            assertThat(Arrays.copyOfRange(p, 12, 16)).isEqualTo(event); // not transcoded
        }
        assertThat(heard).containsExactly(new DtmfEvent('7', 100, 10, true));
    }

    @Test
    void dropsDtmfForAPeerThatTakesNoTelephoneEvents() {
        negotiate(AudioFormat.PCMU, AudioFormat.PCMU, OptionalInt.empty());
        alice.sendRtp(a.localPort(), true, 101, 1, 4000, new byte[] {1, (byte) 0x8A, 0, 100});
        alice.sendRtp(a.localPort(), false, 0, 1, 4160, tone(0, 0));
        assertThat(bob.receiveRtp()[1] & 0x7F).isZero();
        assertThat(b.statistics().counts().unknownPayload()).isEqualTo(1);
    }

    @Test
    void closingLegsReturnsTheirPorts() {
        int before = engine.ports().inUse();
        a.close();
        b.close();
        a.channel().closeFuture().syncUninterruptibly();
        b.channel().closeFuture().syncUninterruptibly();
        // the release runs as a close listener on the event loop
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (engine.ports().inUse() != before - 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(engine.ports().inUse()).isEqualTo(before - 2);
    }
}
