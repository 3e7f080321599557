package org.carillon.pbx.call;

import org.carillon.sip.dialog.DialogId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Replaces an attended transfer's Refer-To carries (RFC 3891, RFC 5589). */
class ReplacesTest {

    @Test
    void referToHeadersAreUnescapedIntoTheDialogTheyName() {
        // the form of RFC 5589 §7's transferor REFER: Refer-To: <sip:target@host?Replaces=<escaped Replaces value>>
        var r = AttendedTransfer.Replaces.fromUriHeaders(
                "Replaces=090459243588173445%3Bto-tag%3D7553452%3Bfrom-tag%3D31431");
        assertThat(r).contains(new AttendedTransfer.Replaces("090459243588173445", "7553452", "31431"));
    }

    @Test
    void headerValueWithEarlyOnlyAndOtherHeadersAround() {
        // RFC 3891 §6.1's grammar: callid *(SEMI (to-tag / from-tag / early-flag / generic-param)), in any order
        assertThat(AttendedTransfer.Replaces.parse("98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff;early-only"))
                .contains(new AttendedTransfer.Replaces("98732@sip.example.com", "ff87ff", "r33th4x0r"));
        assertThat(AttendedTransfer.Replaces.fromUriHeaders(
                "Subject=hi&replaces=a%40b%3bTO-TAG%3d1%3bFROM-TAG%3d2&Priority=urgent"))
                .contains(new AttendedTransfer.Replaces("a@b", "1", "2"));
    }

    @Test
    void withoutCallIdOrEitherTagItNamesNoDialog() {
        assertThat(AttendedTransfer.Replaces.parse("abc;to-tag=1")).isEmpty();
        assertThat(AttendedTransfer.Replaces.parse(";to-tag=1;from-tag=2")).isEmpty();
        assertThat(AttendedTransfer.Replaces.parse("abc;to-tag=;from-tag=2")).isEmpty();
        assertThat(AttendedTransfer.Replaces.fromUriHeaders("Subject=hi")).isEqualTo(Optional.empty());
        assertThat(org.carillon.sip.uri.Escapes.unescape("100%zz%4")).isEqualTo("100%zz%4");
    }

    @Test
    void theNamedDialogMatchesFromEitherSideButNeedsBothTagsAndTheCallId() {
        var r = new AttendedTransfer.Replaces("c1", "pbx", "phone");
        assertThat(r.names(new DialogId("c1", "pbx", "phone"))).isTrue();
        assertThat(r.names(new DialogId("c1", "phone", "pbx"))).isTrue();
        assertThat(r.names(new DialogId("c1", "pbx", "other"))).isFalse();
        assertThat(r.names(new DialogId("c2", "pbx", "phone"))).isFalse();
    }
}
