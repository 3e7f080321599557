package org.carillon.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"rfc4317-2.2-offer.sdp", "rfc4317-2.2-answer.sdp", "rfc4317-2.5-second-offer.sdp",
            "rfc4317-2.6-offer.sdp", "rfc4317-3.1-answer.sdp", "rfc4317-3.2-second-offer.sdp",
            "rfc4317-5.2-offer.sdp", "softphone-offer.sdp"})
    void writesEveryExampleBackAsReceivedButWithCrlf(String fixture) {
        String text = SdpFixtures.text(fixture);
        String written = SdpParser.parse(text).toString();
        assertThat(written).isEqualTo(text.replace("\r\n", "\n").replace("\n", "\r\n"));
        assertThat(SdpParser.parse(written)).isEqualTo(SdpParser.parse(text));
    }

    @Test
    void readsTheOfferOfRfc4317Section2Point2() {
        var sd = SdpFixtures.parse("rfc4317-2.2-offer.sdp");
        assertThat(sd.origin()).isEqualTo(new Origin("alice", "2890844526", 2890844526L, "IN", "IP4",
                "host.atlanta.example.com"));
        assertThat(sd.connection()).contains(new Connection("IN", "IP4", "host.atlanta.example.com"));
        assertThat(sd.media()).hasSize(2);
        var audio = sd.media().getFirst();
        assertThat(audio.port()).isEqualTo(49170);
        assertThat(audio.formats()).containsExactly("0", "8", "97");
        assertThat(audio.attributeValues("rtpmap")).containsExactly("0 PCMU/8000", "8 PCMA/8000", "97 iLBC/8000");
        assertThat(sd.connectionFor(audio)).isEqualTo(sd.connection());
        assertThat(Direction.of(sd, audio)).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void readsDirectionPtimeAndMediaLevelConnection() {
        var hold = SdpFixtures.parse("rfc4317-3.2-second-offer.sdp");
        assertThat(Direction.of(hold, hold.media().get(0))).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.of(hold, hold.media().get(1))).isEqualTo(Direction.RECVONLY);
        var phone = SdpFixtures.parse("softphone-offer.sdp");
        assertThat(phone.media().getFirst().attribute("ptime").flatMap(Attribute::value)).contains("30");
        var sd = SdpParser.parse("v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\na=inactive\n"
                + "m=audio 4000/2 RTP/AVP 0\nc=IN IP6 ::1\n");
        var m = sd.media().getFirst();
        assertThat(m.portCount()).isEqualTo(2);
        assertThat(sd.connectionFor(m)).contains(new Connection("IN", "IP6", "::1"));
        assertThat(Direction.of(sd, m)).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void directionAlgebraFollowsRfc3264() {
        assertThat(Direction.SENDONLY.reverse()).isEqualTo(Direction.RECVONLY);
        assertThat(Direction.INACTIVE.reverse()).isEqualTo(Direction.INACTIVE);
        assertThat(Direction.SENDRECV.and(Direction.SENDONLY)).isEqualTo(Direction.SENDONLY);
        assertThat(Direction.RECVONLY.and(Direction.SENDONLY)).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void rtpmapParsingIsLenientAboutCaseAndStrictAboutNumbers() {
        assertThat(RtpMap.parse("101 telephone-event/8000")).contains(new RtpMap(101, "telephone-event", 8000, 1));
        assertThat(RtpMap.parse("9 G722/8000/1").orElseThrow().channels()).isEqualTo(1);
        assertThat(RtpMap.parse("0 pcmu/8000").orElseThrow().matches("PCMU", 8000)).isTrue();
        assertThat(RtpMap.parse("x PCMU/8000")).isEmpty();
        assertThat(RtpMap.parse("200 PCMU/8000")).isEmpty();
        assertThat(RtpMap.parse("0 PCMU")).isEmpty();
        assertThat(Attribute.of("rtpmap", "0 PCMU/8000").text()).isEqualTo("rtpmap:0 PCMU/8000");
        assertThat(SdpParser.parse("v=0\no=- 1 1 IN IP4 h\na=recvonly\n").attributes())
                .containsExactly(new Attribute("recvonly", Optional.empty()));
    }

    @Test
    void refusesBrokenBodiesWithATypedException() {
        assertThatThrownBy(() -> SdpParser.parse("")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SdpParser.parse("v=1\no=- 1 1 IN IP4 h\n")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SdpParser.parse("v=0\ns=-\n")).hasMessageContaining("o=");
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 x IN IP4 h\n")).isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\nm=audio 99999 RTP/AVP 0\n"))
                .isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\nc=IN IPX h\n"))
                .isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\nnot a line\n"))
                .isInstanceOf(SdpParseException.class);
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\nm=audio\n"))
                .isInstanceOf(SdpParseException.class);
    }

    @Test
    void enforcesItsDocumentedLimits() {
        String many = "v=0\no=- 1 1 IN IP4 h\n" + "a=x\n".repeat(SdpParser.MAX_LINES);
        assertThatThrownBy(() -> SdpParser.parse(many)).hasMessageContaining("lines");
        String huge = "v=0\no=- 1 1 IN IP4 h\na=" + "x".repeat(SdpParser.MAX_LENGTH);
        assertThatThrownBy(() -> SdpParser.parse(huge)).hasMessageContaining("longer");
        String media = "v=0\no=- 1 1 IN IP4 h\n" + "m=audio 4000 RTP/AVP 0\n".repeat(SdpParser.MAX_MEDIA + 1);
        assertThatThrownBy(() -> SdpParser.parse(media)).hasMessageContaining("media sections");
        String formats = "v=0\no=- 1 1 IN IP4 h\nm=audio 4000 RTP/AVP" + " 0".repeat(SdpParser.MAX_FORMATS + 1);
        assertThatThrownBy(() -> SdpParser.parse(formats)).hasMessageContaining("formats");
    }
}
