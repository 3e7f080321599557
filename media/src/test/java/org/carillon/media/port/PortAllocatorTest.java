package org.carillon.media.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {

    @Test
    void handsOutEvenRtpPortsWithTheOddRtcpPortAfterThem() {
        var ports = new PortAllocator(10001, 10010);
        assertThat(ports.capacity()).isEqualTo(4); // 10002..10009
        var p = ports.require();
        assertThat(p.rtp()).isEqualTo(10002);
        assertThat(p.rtcp()).isEqualTo(10003);
    }

    @Test
    void isBoundedByTheRangeAndReusesReleasedPairsLast() {
        var ports = new PortAllocator(20000, 20007);
        var taken = new ArrayList<PortPair>();
        for (int i = 0; i < 4; i++) {
            taken.add(ports.require());
        }
        assertThat(taken).extracting(PortPair::rtp).containsExactly(20000, 20002, 20004, 20006);
        assertThat(ports.allocate()).isEmpty();
        assertThatThrownBy(ports::require).isInstanceOf(PortRangeExhaustedException.class);
        ports.release(taken.get(1));
        ports.release(taken.get(0));
        assertThat(ports.inUse()).isEqualTo(2);
        assertThat(ports.require().rtp()).isEqualTo(20000); // wraps round to the first free after the cursor
        assertThat(ports.require().rtp()).isEqualTo(20002);
    }

    @Test
    void roundRobinDoesNotHandBackAPairJustReleased() {
        var ports = new PortAllocator(30000, 30099);
        var a = ports.require();
        ports.release(a);
        assertThat(ports.require()).isNotEqualTo(a);
    }

    @Test
    void refusesToReleaseWhatItDidNotHandOut() {
        var ports = new PortAllocator(30000, 30099);
        assertThatThrownBy(() -> ports.release(new PortPair(30000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ports.release(new PortPair(40000))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortPair(30001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortAllocator(100, 200)).isInstanceOf(IllegalArgumentException.class);
    }
}
