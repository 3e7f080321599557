package org.carillon.media.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SdpFixtures;
import org.carillon.media.sdp.SdpParser;
import org.junit.jupiter.api.Test;

class AudioAnswererTest {

    private final LocalAudio local = LocalAudio.defaults("192.0.2.10", 20000);
    private final SdpSession session = new SdpSession("carillon", "1000", "192.0.2.10");

    @Test
    void answersRfc4317Section2Point2WithTheOfferersFirstCodecAndRejectsVideo() {
        var answer = AudioAnswerer.answer(SdpFixtures.parse("rfc4317-2.2-offer.sdp"), local, session, Direction.SENDRECV);
        var sdp = answer.sdp();
        assertThat(sdp.media()).hasSize(2); // same number and order of m-lines (RFC 3264 §6)
        var audio = sdp.media().get(0);
        assertThat(audio.port()).isEqualTo(20000);
        assertThat(audio.formats()).containsExactly("0");
        assertThat(audio.attributeValues("rtpmap")).containsExactly("0 PCMU/8000");
        assertThat(sdp.media().get(1).port()).isZero();
        assertThat(sdp.media().get(1).media()).isEqualTo("video");
        assertThat(answer.audio().codec()).isEqualTo(AudioFormat.PCMU);
        assertThat(answer.audio().sendTelephoneEvent()).isEmpty();
        assertThat(answer.audio().remote()).contains(InetSocketAddress.createUnresolved("host.atlanta.example.com", 49170));
        assertThat(sdp.toString()).startsWith("v=0\r\no=carillon 1000 1000 IN IP4 192.0.2.10\r\ns=-\r\n"
                + "c=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 20000 RTP/AVP 0\r\n");
        assertThat(SdpParser.parse(sdp.toString())).isEqualTo(sdp);
    }

    @Test
    void answersRfc4317Section2Point6AcceptingTheStreamWeCanDecode() {
        var answer = AudioAnswerer.answer(SdpFixtures.parse("rfc4317-2.6-offer.sdp"), local, session, Direction.SENDRECV);
        assertThat(answer.sdp().media()).extracting(m -> m.port()).containsExactly(20000, 0);
        assertThat(answer.audio().codec()).isEqualTo(AudioFormat.PCMU);
    }

    @Test
    void followsTheOfferersOrderAndEchoesTelephoneEventAndPtime() {
        var answer = AudioAnswerer.answer(SdpFixtures.parse("softphone-offer.sdp"), local, session, Direction.SENDRECV);
        var audio = answer.audio();
        assertThat(audio.codec()).isEqualTo(AudioFormat.PCMA);
        assertThat(audio.sendPayloadType()).isEqualTo(8);
        assertThat(audio.sendTelephoneEvent()).hasValue(101);
        assertThat(audio.receiveTelephoneEvent()).hasValue(101);
        assertThat(audio.ptime()).isEqualTo(30);
        assertThat(audio.remote()).contains(new InetSocketAddress("192.168.1.20", 16384));
        var m = answer.sdp().media().getFirst();
        assertThat(m.formats()).containsExactly("8", "101");
        assertThat(m.attributeValues("fmtp")).containsExactly("101 0-16");
        assertThat(m.attributeValues("ptime")).containsExactly("20");
    }

    @Test
    void answersAHoldOfferWithRecvonlyAndHoldsWhenAsked() {
        var held = AudioAnswerer.answer(SdpFixtures.parse("softphone-offer.sdp").withOrigin(
                SdpFixtures.parse("softphone-offer.sdp").origin()), local, session, Direction.SENDRECV);
        assertThat(held.audio().direction()).isEqualTo(Direction.SENDRECV);
        String holdOffer = SdpFixtures.text("softphone-offer.sdp").replace("a=sendrecv", "a=sendonly");
        var answer = AudioAnswerer.answer(SdpParser.parse(holdOffer), local, session, Direction.SENDRECV);
        assertThat(answer.audio().direction()).isEqualTo(Direction.RECVONLY);
        assertThat(answer.sdp().media().getFirst().attribute("recvonly")).isPresent();
        var weHold = AudioAnswerer.answer(SdpFixtures.parse("softphone-offer.sdp"), local, session, Direction.SENDONLY);
        assertThat(weHold.audio().direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void oldStyleHoldWithTheUnspecifiedAddressLeavesNowhereToSend() {
        String offer = SdpFixtures.text("rfc4317-5.2-offer.sdp").replace("97", "0").replace("iLBC", "PCMU");
        var answer = AudioAnswerer.answer(SdpParser.parse(offer), local, session, Direction.SENDRECV);
        assertThat(answer.audio().remote()).isEmpty();
    }

    @Test
    void refusesAnOfferWithNoCodecInCommon() {
        assertThatThrownBy(() -> AudioAnswerer.answer(SdpFixtures.parse("rfc4317-5.2-offer.sdp"), local, session,
                Direction.SENDRECV)).isInstanceOf(OfferAnswerException.class).hasMessageContaining("codec");
        assertThatThrownBy(() -> AudioAnswerer.answer(SdpParser.parse(
                "v=0\no=- 1 1 IN IP4 h\nc=IN IP4 10.0.0.1\nm=audio 4000 RTP/SAVP 0\n"), local, session, Direction.SENDRECV))
                .isInstanceOf(OfferAnswerException.class);
    }

    @Test
    void versionStaysForTheSameAnswerAndGoesUpByOneWhenItChanges() {
        var offer = SdpFixtures.parse("softphone-offer.sdp");
        long v1 = AudioAnswerer.answer(offer, local, session, Direction.SENDRECV).sdp().origin().version();
        long v2 = AudioAnswerer.answer(offer, local, session, Direction.SENDRECV).sdp().origin().version();
        long v3 = AudioAnswerer.answer(offer, local, session, Direction.SENDONLY).sdp().origin().version();
        long v4 = AudioAnswerer.answer(offer, local.at("192.0.2.10", 20002), session, Direction.SENDONLY)
                .sdp().origin().version();
        assertThat(v2).isEqualTo(v1);
        assertThat(v3).isEqualTo(v1 + 1);
        assertThat(v4).isEqualTo(v1 + 2);
    }
}
