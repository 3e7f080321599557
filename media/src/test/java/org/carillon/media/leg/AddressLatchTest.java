package org.carillon.media.leg;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AddressLatchTest {

    private static final InetSocketAddress SDP = new InetSocketAddress("127.0.0.1", 4000);
    private static final InetSocketAddress NAT = new InetSocketAddress("127.0.0.2", 31000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.3", 5000);

    @Test
    void strictModeAcceptsOnlyTheNegotiatedAddressAndCountsTheRest() {
        var latch = new AddressLatch(AddressLatch.Mode.STRICT);
        latch.expect(SDP);
        assertThat(latch.accept(NAT)).isFalse();
        assertThat(latch.accept(SDP)).isTrue();
        assertThat(latch.accept(STRANGER)).isFalse();
        assertThat(latch.dropped()).isEqualTo(2);
        assertThat(latch.target()).contains(SDP);
    }

    @Test
    void natModeLatchesTheFirstSourceAndThenRefusesOthers() {
        var latch = new AddressLatch(AddressLatch.Mode.LATCH_FIRST);
        latch.expect(SDP);
        assertThat(latch.target()).contains(SDP);
        assertThat(latch.accept(NAT)).isTrue();
        assertThat(latch.latched()).contains(NAT);
        assertThat(latch.target()).contains(NAT);
        assertThat(latch.accept(SDP)).isFalse();
        assertThat(latch.accept(STRANGER)).isFalse();
        assertThat(latch.dropped()).isEqualTo(2);
    }

    @Test
    void natModeLetsOnlyTheSdpHostLatchWhenSdpShowsAPublicAddress() {
        var latch = new AddressLatch(AddressLatch.Mode.LATCH_FIRST);
        latch.expect(new InetSocketAddress("198.51.100.7", 4000));
        assertThat(latch.accept(new InetSocketAddress("203.0.113.66", 4000))).isFalse(); // a stranger racing the phone
        assertThat(latch.accept(new InetSocketAddress("198.51.100.7", 31337))).isTrue(); // same host, NAT-mapped port
        var cgn = new AddressLatch(AddressLatch.Mode.LATCH_FIRST);
        cgn.expect(new InetSocketAddress("100.64.3.4", 4000)); // carrier-grade NAT: no hint, first source wins
        assertThat(cgn.accept(new InetSocketAddress("203.0.113.66", 4000))).isTrue();
        var lan = new AddressLatch(AddressLatch.Mode.LATCH_FIRST);
        lan.expect(new InetSocketAddress("192.168.1.20", 4000));
        assertThat(lan.accept(new InetSocketAddress("203.0.113.66", 5000))).isTrue();
    }

    @Test
    void aReOfferWithANewAddressReleasesTheLatch() {
        var latch = new AddressLatch(AddressLatch.Mode.LATCH_FIRST);
        latch.expect(SDP);
        latch.accept(NAT);
        latch.expect(SDP); // same address again: stays latched
        assertThat(latch.latched()).contains(NAT);
        latch.expect(STRANGER);
        assertThat(latch.latched()).isEmpty();
        assertThat(latch.target()).contains(STRANGER);
        assertThat(latch.accept(STRANGER)).isTrue();
    }

    @Test
    void unspecifiedAddressOrPortZeroMeansNothingToSendTo() {
        var latch = new AddressLatch(AddressLatch.Mode.STRICT);
        assertThat(latch.target()).isEmpty();
        latch.expect(new InetSocketAddress("0.0.0.0", 4000));
        assertThat(latch.target()).isEmpty();
        latch.expect(new InetSocketAddress("127.0.0.1", 0));
        assertThat(latch.target()).isEmpty();
        assertThat(latch.accept(SDP)).isFalse();
    }
}
