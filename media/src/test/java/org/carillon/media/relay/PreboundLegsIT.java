package org.carillon.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.leg.AddressLatch;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.sdp.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Legs taken from socket pairs bound ahead on their event loop (issue 6: binding two sockets per leg on the spot,
 * each a wait for the loop, was the call engine's largest media cost). RTP ports 48100-48199 (see RelayIT).
 */
class PreboundLegsIT {
    private static final int FIRST = 48100;
    private static final int PREBOUND = 4;

    private final MediaEngine engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", FIRST, FIRST + 99, 1, true,
            new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5), 65536, true),
            PREBOUND));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        engine.close();
    }

    private MediaLeg leg() {
        MediaLeg leg = engine.openLeg();
        open.add(leg);
        return leg;
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    @Test
    void openingALegBindsPairsAheadOnItsLoopAndLaterLegsTakeThem() {
        leg();
        waitFor(() -> engine.ports().inUse() == 1 + PREBOUND); // the first leg was bound on the spot
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 3 * PREBOUND; i++) {
            MediaLeg leg = leg();
            assertThat(leg.localPort() % 2).isZero();
            assertThat(ports.add(leg.localPort())).isTrue();
        }
        waitFor(() -> engine.ports().inUse() <= 1 + 3 * PREBOUND + PREBOUND
                && engine.ports().inUse() > 1 + 3 * PREBOUND + PREBOUND / 2);
    }

    @Test
    void aLegFromABoundPairRelaysRtp() {
        leg();
        waitFor(() -> engine.ports().inUse() == 1 + PREBOUND);
        MediaLeg a = leg();
        MediaLeg b = leg();
        try (var alice = new UdpPhone(); var bob = new UdpPhone()) {
            a.apply(audio(alice.address())).join();
            b.apply(audio(bob.address())).join();
            Bridge.connect(a, b);
            alice.sendRtp(a.localPort(), true, 0, 0xA11CE, 0, new byte[160]);
            assertThat(bob.receiveRtp()[1] & 0x7F).isZero();
        }
    }

    @Test
    void aPortTakenByAnotherProcessIsSkippedAndClosingLegsReturnsTheirPorts() throws Exception {
        try (var squatter = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), FIRST + 4))) {
            open.add(squatter::close);
            for (int i = 0; i < 4 * PREBOUND; i++) {
                assertThat(leg().localPort()).isNotEqualTo(FIRST + 4);
            }
            for (AutoCloseable c : open) {
                c.close();
            }
            open.clear();
            waitFor(() -> engine.ports().inUse() <= PREBOUND); // only the pairs still bound ahead
        }
    }

    private static NegotiatedAudio audio(InetSocketAddress remote) {
        return new NegotiatedAudio(Optional.of(remote), AudioFormat.PCMU, 0, 0, OptionalInt.of(101),
                OptionalInt.of(101), 20, Direction.SENDRECV);
    }
}
