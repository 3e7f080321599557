package org.carillon.media.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SdpFixtures;
import org.carillon.media.sdp.SdpParser;
import org.carillon.media.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

class AudioOffererTest {

    private final LocalAudio local = LocalAudio.defaults("192.0.2.10", 20000);
    private final SdpSession session = new SdpSession("carillon", "77", "192.0.2.10");

    @Test
    void offersG711BothLawsAndTelephoneEvent() {
        SessionDescription offer = AudioOfferer.offer(local, session, Direction.SENDRECV);
        assertThat(offer.toString()).isEqualTo("v=0\r\no=carillon 77 77 IN IP4 192.0.2.10\r\ns=-\r\n"
                + "c=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 20000 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n");
    }

    @Test
    void holdReOfferBumpsTheVersionAndReadsTheAnswersDirection() {
        AudioOfferer.offer(local, session, Direction.SENDRECV);
        SessionDescription hold = AudioOfferer.offer(local, session, Direction.SENDONLY);
        assertThat(hold.origin().version()).isEqualTo(78);
        var answer = SdpParser.parse("v=0\no=bob 1 2 IN IP4 198.51.100.7\ns=-\nc=IN IP4 198.51.100.7\nt=0 0\n"
                + "m=audio 30000 RTP/AVP 8 96\na=rtpmap:96 telephone-event/8000\na=recvonly\n");
        var agreed = AudioOfferer.accept(hold, answer, local);
        assertThat(agreed.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(agreed.codec()).isEqualTo(AudioFormat.PCMA);
        assertThat(agreed.sendTelephoneEvent()).hasValue(96); // the peer's number for what it receives
        assertThat(agreed.receiveTelephoneEvent()).hasValue(101); // ours
        assertThat(agreed.remote()).contains(new InetSocketAddress("198.51.100.7", 30000));
    }

    @Test
    void anAnswerThatMovesTheStreamChangesTheRemoteAddress() {
        // RFC 4317 §2.5: Bob's second offer moves his media to newhost; here as the answer to our re-offer.
        var offer = AudioOfferer.offer(local, session, Direction.SENDRECV);
        var first = AudioOfferer.accept(offer, answerFrom("203.0.113.5", 49174), local);
        var second = AudioOfferer.accept(offer, answerFrom("203.0.113.99", 49178), local);
        assertThat(first.remote()).contains(new InetSocketAddress("203.0.113.5", 49174));
        assertThat(second.remote()).contains(new InetSocketAddress("203.0.113.99", 49178));
        var moved = SdpFixtures.parse("rfc4317-2.5-second-offer.sdp");
        assertThat(moved.connection().orElseThrow().address()).isEqualTo("newhost.biloxi.example.com");
    }

    @Test
    void refusesAnswersThatRejectAudioOrBreakTheRules() {
        var offer = AudioOfferer.offer(local, session, Direction.SENDRECV);
        var rejected = SdpParser.parse("v=0\no=b 1 1 IN IP4 h\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 0 RTP/AVP 0\n");
        assertThatThrownBy(() -> AudioOfferer.accept(offer, rejected, local)).isInstanceOf(OfferAnswerException.class);
        var twoLines = SdpParser.parse("v=0\no=b 1 1 IN IP4 h\nc=IN IP4 10.0.0.1\nt=0 0\n"
                + "m=audio 4000 RTP/AVP 0\nm=audio 4002 RTP/AVP 0\n");
        assertThatThrownBy(() -> AudioOfferer.accept(offer, twoLines, local)).hasMessageContaining("m-lines");
        var foreign = SdpParser.parse("v=0\no=b 1 1 IN IP4 h\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 18\n");
        assertThatThrownBy(() -> AudioOfferer.accept(offer, foreign, local)).hasMessageContaining("codec");
    }

    private static SessionDescription answerFrom(String address, int port) {
        return SdpParser.parse("v=0\no=bob 2808844564 2808844564 IN IP4 " + address + "\ns=\nc=IN IP4 " + address
                + "\nt=0 0\nm=audio " + port + " RTP/AVP 0\na=rtpmap:0 PCMU/8000\n");
    }
}
