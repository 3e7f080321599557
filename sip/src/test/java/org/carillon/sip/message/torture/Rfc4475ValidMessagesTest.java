package org.carillon.sip.message.torture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.AuthField;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.uri.AbsoluteUri;
import org.carillon.sip.uri.SipUri;
import org.junit.jupiter.api.Test;

/** RFC 4475 §3.1.1 and §3.3: valid messages parse to the values the RFC describes. */
class Rfc4475ValidMessagesTest {

    private static SipRequest request(String name) {
        return (SipRequest) TortureFiles.wire("rfc4475/" + name + ".dat");
    }

    @Test
    void validMessagesAreTheArchiveBytes() throws Exception {
        Map<String, String> sha256 = Map.ofEntries(
                Map.entry("wsinv", "d6f6cdee99cd0a1f8e3d9a0fdd67c877700e19ab86d8186dada06f61260e3e61"),
                Map.entry("intmeth", "b957a8292c1c0a9851fe94705b90f94320738f43aacde64998e401f742ef688d"),
                Map.entry("esc01", "be3a316d4ce5f69cad474646191e390dd4b50fc8371e44b5197fe1237781973e"),
                Map.entry("escnull", "263fe2ecd12a5ccbb6c67b3174e9211d11da9b600e7d69666a86d2ee42873e90"),
                Map.entry("esc02", "9a9c59449f00327b02071feafc8e5c2a261c98c818044167894cc17809a12199"),
                Map.entry("lwsdisp", "d1b36b6316c12824f6f04bf6b1fd1f021cade9b74871693b9c3474cd9fa7f4e6"),
                Map.entry("longreq", "185739292bc676760e5b1cca77c87705aa570240171c506ad76f8c35af0ecdaa"),
                Map.entry("dblreq", "a6be48426565c2a705389c4ce2ea17e57b891cb13f80490a2cb9392c797b46ef"),
                Map.entry("semiuri", "87bbaed6b4b354dbd3c5c7a20e66686303c63e43a0aa19b89de1ac75231611a2"),
                Map.entry("transports", "33b4553a3b9418121b099ff07882535151edd6a1e81898c63a916aad2cbf90bc"),
                Map.entry("unreason", "4f939d6ebf4817eea70f011d3209e83732872ffc20ffd304b244084dc392f4d7"),
                Map.entry("noreason", "07e11e470a69fffa3674de805e5165d1351a9439a91045ee70c9570ea24ab4fe"));
        for (var e : sha256.entrySet()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(TortureFiles.bytes("rfc4475/" + e.getKey() + ".dat"));
            assertThat(HexFormat.of().formatHex(digest)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void shortTortuousInviteParsesThroughFoldingAndOddWhitespace() {
        SipRequest r = request("wsinv");
        assertThat(r.method()).isEqualTo(SipMethod.INVITE);
        assertThat(r.requestUri()).isInstanceOfSatisfying(SipUri.class, u -> {
            assertThat(u.user()).contains("vivekg");
            assertThat(u.params().has("unknownparam")).isTrue();
        });
        assertThat(r.to().tag()).contains("1918181833n");
        assertThat(r.from().displayText()).contains("J Rosenberg \\\"");
        assertThat(r.from().tag()).contains("98asjd8");
        assertThat(r.maxForwards()).hasValue(68);
        assertThat(r.callId()).isEqualTo("wsinv.ndaksdj@192.0.2.1");
        assertThat(r.cseq().number()).isEqualTo(9);
        assertThat(r.cseq().method()).isEqualTo("INVITE");
        List<Via> vias = r.vias();
        assertThat(vias).extracting(Via::host).containsExactly("192.0.2.2", "spindle.example.com", "192.168.255.111");
        assertThat(vias).extracting(Via::transport).containsExactly("UDP", "TCP", "UDP");
        assertThat(vias.get(0).branch()).contains("390skdjuw");
        assertThat(vias.get(1).branch()).contains("z9hG4bK9ikj8");
        assertThat(vias.get(2).branch()).contains("z9hG4bK30239");
        assertThat(r.headers().first("Subject")).contains("");
        assertThat(r.headers().first("NewFangledHeader")).contains("newfangled value continued newfangled value");
        assertThat(r.headers().first("UnknownHeaderWithUnusualValue")).contains(";;,,;;,;");
        assertThat(r.routes()).singleElement().satisfies(a -> assertThat(((SipUri) a.uri()).lr()).isTrue());
        Address contact = r.contacts().addresses().getFirst();
        assertThat(contact.displayText()).contains("Quoted string \"\"");
        assertThat(contact.params().find("newparam")).contains("newvalue");
        assertThat(contact.params().has("secondparam")).isTrue();
        assertThat(contact.params().find("q")).contains("0.33");
        assertThat(r.bodyLength()).isEqualTo(150);
        assertThat(r.contentType()).contains("application/sdp");
    }

    @Test
    void wideRangeOfValidCharactersIsAccepted() {
        SipRequest r = request("intmeth");
        assertThat(r.method()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.user()).contains("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(uri.password()).contains("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(r.topVia().branch()).contains("z9hG4bK-.!%66*_+`'~");
        assertThat(r.to().displayText()).contains("BEL:\u0007 NUL:\u0000 DEL:\u007f");
        assertThat(r.from().displayName()).contains("token1~` token2'+_ token3*%!.-");
        assertThat(r.from().params().find("fromParam''~+*_!.-%")).contains("работающий");
        assertThat(r.from().tag()).contains("_token~1'+`*%!-.");
        assertThat(r.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
        assertThat(r.cseq().method()).isEqualTo(r.method());
        assertThat(r.maxForwards()).hasValue(255);
        assertThat(r.headers().first("extensionHeader-!.%*+_`'~")).contains("\uFEFF大停電");
    }

    @Test
    void escapedUrisCompareEqualToTheirUnescapedForm() {
        SipRequest r = request("esc01");
        assertThat(((SipUri) r.to().uri()).equivalent(SipUri.of("user", "example.com"))).isTrue();
        assertThat(((SipUri) r.requestUri()).user()).contains("sips%3Auser%40example.com");
        assertThat(r.headers().first(HeaderName.CONTENT_TYPE)).contains("application/sdp");
        SipUri contact = (SipUri) r.contacts().addresses().getFirst().uri();
        assertThat(contact.params().has("%6C%72")).isTrue();
        assertThat(contact.params().find("n%61me")).contains("v%61lue%25%34%31");
    }

    @Test
    void escapedNullsStayDistinctContacts() {
        SipRequest r = request("escnull");
        assertThat(r.contacts().addresses()).extracting(a -> ((SipUri) a.uri()).user().orElseThrow())
                .containsExactly("%00", "%00%00");
        assertThat(((SipUri) r.to().uri()).user()).contains("null-%00-null");
    }

    @Test
    void percentThatIsNotAnEscapeIsKeptLiterally() {
        SipRequest r = request("esc02");
        assertThat(r.method()).isEqualTo("RE%47IST%45R");
        assertThat(r.to().displayText()).contains("%Z%45");
        assertThat(r.topVia().branch()).contains("z9hG4bK209%fzsnel234");
        assertThat(r.contacts().addresses()).hasSize(2); // C%6Fntact is another header
        assertThat(r.headers().first("C%6Fntact")).contains("<sip:alias2@host2.example.com>");
    }

    @Test
    void displayNameWithoutSpaceBeforeAngleBracketIsRead() {
        assertThat(request("lwsdisp").from().displayName()).contains("caller");
    }

    @Test
    void longValuesAndThirtyFourViasAreRead() {
        SipRequest r = request("longreq");
        assertThat(r.vias()).hasSize(34);
        assertThat(r.vias().getLast().received()).contains("192.0.2.5");
        assertThat(r.vias().getLast().branch().orElseThrow()).startsWith("verylong").endsWith("branchvalue");
        assertThat(((SipUri) r.to().uri()).port()).hasValue(6000);
        assertThat(r.from().tag().orElseThrow()).isEqualTo("12" + "982".repeat(50) + "424");
        assertThat(r.callId()).startsWith("longreq.one").endsWith("longcallid");
    }

    @Test
    void octetsAfterContentLengthAreIgnored() {
        SipRequest r = request("dblreq");
        assertThat(r.method()).isEqualTo(SipMethod.REGISTER);
        assertThat(r.bodyLength()).isZero();
    }

    @Test
    void semicolonInUserPartBelongsToTheUser() {
        SipUri uri = (SipUri) request("semiuri").requestUri();
        assertThat(uri.user()).contains("user;par=u%40example.net");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.params().isEmpty()).isTrue();
    }

    @Test
    void unknownTransportsAreKept() {
        assertThat(request("transports").vias()).extracting(Via::transport)
                .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
    }

    @Test
    void multipartBodyIsDeliveredWhole() {
        SipRequest r = request("mpart01");
        assertThat(r.bodyLength()).isEqualTo(553);
        assertThat(r.contentType()).contains("multipart/mixed;boundary=7a9cbec02ceef655");
        assertThat(new String(r.body(), StandardCharsets.ISO_8859_1)).endsWith("--7a9cbec02ceef655--\r\n");
    }

    @Test
    void utf8ReasonPhraseAndEmptyReasonPhraseAreKept() {
        SipResponse unreason = (SipResponse) TortureFiles.wire("rfc4475/unreason.dat");
        assertThat(unreason.statusCode()).isEqualTo(200);
        assertThat(unreason.reasonPhrase()).isEqualTo("= 2**3 * 5**2 но сто девяносто девять - простое");
        SipResponse noreason = (SipResponse) TortureFiles.wire("rfc4475/noreason.dat");
        assertThat(noreason.statusCode()).isEqualTo(100);
        assertThat(noreason.reasonPhrase()).isEmpty();
    }

    @Test
    void applicationLayerMessagesExposeWhatTheApplicationDecidesOn() {
        assertThat(request("unkscm").requestUri()).isInstanceOfSatisfying(AbsoluteUri.class,
                u -> assertThat(u.scheme()).isEqualTo("nobodyknowsthisscheme"));
        assertThat(request("novelsc").requestUri().scheme()).isEqualTo("soap.beep");
        SipRequest unksm2 = request("unksm2");
        assertThat(unksm2.to().uri().scheme()).isEqualTo("isbn");
        assertThat(unksm2.contacts().addresses().getFirst().uri().scheme()).isEqualTo("name");
        assertThat(AuthField.parse(request("regaut01").headers().first(HeaderName.AUTHORIZATION).orElseThrow()).scheme())
                .isEqualTo("NoOneKnowsThisScheme");
        assertThat(request("zeromf").maxForwards()).hasValue(0);
        assertThat(request("badbranch").topVia().branch()).contains("z9hG4bK");
        assertThat(((SipResponse) TortureFiles.wire("rfc4475/bcast.dat")).vias().get(1).host()).isEqualTo("255.255.255.255");
    }

    @Test
    void contactParameterBelongsToHeaderOrUriByBrackets() {
        Address c1 = request("cparam01").contacts().addresses().getFirst();
        assertThat(c1.params().has("unknownparam")).isTrue();
        assertThat(((SipUri) c1.uri()).params().isEmpty()).isTrue();
        Address c2 = request("cparam02").contacts().addresses().getFirst();
        assertThat(c2.params().isEmpty()).isTrue();
        assertThat(((SipUri) c2.uri()).params().has("unknownparam")).isTrue();
        SipUri escaped = (SipUri) request("regescrt").contacts().addresses().getFirst().uri();
        assertThat(escaped.headers()).contains("Route=%3Csip:sip.example.com%3E");
    }

    @Test
    void rfc2543InviteIsAcceptedOnTheWire() {
        SipRequest r = request("inv2543");
        assertThat(r.maxForwards()).isEmpty();
        assertThat(r.topVia().branch()).isEmpty();
        assertThat(r.bodyLength()).isPositive();
        assertThat(r.recordRoutes()).hasSize(1);
    }
}
