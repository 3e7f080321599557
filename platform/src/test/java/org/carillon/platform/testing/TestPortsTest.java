package org.carillon.platform.testing;

import org.junit.jupiter.api.Test;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestPortsTest {
    @Test
    void portsComeFromBelowTheEphemeralRangeAndAreNotHandedOutTwice() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int p = TestPorts.udp();
            assertThat(p).isBetween(20_100, 32_700);
            assertThat(seen.add(p)).as("port %d handed out twice", p).isTrue();
        }
    }

    @Test
    void aSipPairIsFreeForUdpAndTcpOnBothPortsAndABlockIsEven() throws Exception {
        int p = TestPorts.sipPair();
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (var u = new DatagramSocket(p, lo); var t = new ServerSocket(p, 1, lo);
             var u1 = new DatagramSocket(p + 1, lo); var t1 = new ServerSocket(p + 1, 1, lo)) {
            assertThat(t1.getLocalPort()).isEqualTo(p + 1);
        }
        assertThat(TestPorts.udpBlock(20) % 2).isZero();
    }

    @Test
    void aPortHeldBySomeoneElseIsSkipped() throws Exception {
        int p = TestPorts.udpAndTcp();
        try (var held = new ServerSocket(p + 2, 1, InetAddress.getLoopbackAddress())) {
            // the walk goes forward: the next single port would be p + 2, which is taken for TCP
            assertThat(TestPorts.tcp()).isNotEqualTo(p + 2);
        }
    }
}
