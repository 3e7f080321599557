package org.carillon.pbx.presence;

import org.carillon.pbx.call.ActiveCall;
import org.carillon.pbx.call.CallState;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.profile.CallProfile;
import org.carillon.pbx.profile.CallRule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a call's snapshot becomes each extension's dialogs and how the dialog-info body shows them. */
class PresenceStateTest {

    private static ActiveCall call(CallState state, List<String> parties, Optional<String> ringing) {
        return new ActiveCall("c1", 1, "1000", "1001", Optional.empty(), state, Instant.EPOCH, Optional.empty(),
                new ActiveCall.Legs(parties, ringing, "abc@host", "pbxtag", "callertag"));
    }

    @Test
    void aRingingCallIsAnEarlyRecipientDialogWithTheCallersDialogIdentifiers() {
        var legs = PresenceService.legsOf(call(CallState.RINGING, List.of("1000"), Optional.of("1001")));
        DialogLeg callee = legs.get("1001");
        assertThat(callee.state()).isEqualTo(DialogLeg.State.EARLY);
        assertThat(callee.initiator()).isFalse();
        assertThat(callee.callId()).isEqualTo("abc@host");
        assertThat(callee.localTag()).isEqualTo("pbxtag");
        assertThat(callee.remoteTag()).isEqualTo("callertag");
        assertThat(legs.get("1000").initiator()).isTrue();
        assertThat(legs.get("1000").state()).isEqualTo(DialogLeg.State.EARLY);
    }

    @Test
    void anAnsweredCallConfirmsBothSidesAndHoldMarksThemHeld() {
        var talking = PresenceService.legsOf(call(CallState.ANSWERED, List.of("1000", "1001"), Optional.empty()));
        assertThat(talking.values()).extracting(DialogLeg::state).containsOnly(DialogLeg.State.CONFIRMED);
        var held = PresenceService.legsOf(call(CallState.ON_HOLD, List.of("1000", "1001"), Optional.empty()));
        assertThat(held.values()).extracting(DialogLeg::state).containsOnly(DialogLeg.State.HELD);
    }

    @Test
    void aBlindTransferRingsTheTargetWhileTheOthersStillTalk() {
        var legs = PresenceService.legsOf(call(CallState.ANSWERED, List.of("1000", "1001"), Optional.of("1002")));
        assertThat(legs.get("1002").state()).isEqualTo(DialogLeg.State.EARLY);
        assertThat(legs.get("1001").state()).isEqualTo(DialogLeg.State.CONFIRMED);
    }

    @Test
    void anEndedCallLeavesNoDialog() {
        assertThat(PresenceService.legsOf(call(CallState.ENDED, List.of(), Optional.empty()))).isEmpty();
    }

    @Test
    void anIdleBodyStillHasADialogElementAndRingingOneHasTheReplacesIdentifiers() {
        String idle = DialogInfoPackage.render("1001", List.of(), 3, "pbx.example");
        assertThat(idle).contains("version=\"3\"").contains("state=\"full\"").contains("<dialog id=\"1001\">")
                .contains("<state>terminated</state>").contains("entity=\"sip:1001@pbx.example\"");
        var leg = new DialogLeg("c1", "a&b", "pbxtag", "callertag", false, DialogLeg.State.EARLY, "1000",
                Instant.EPOCH);
        String ringing = DialogInfoPackage.render("1001", List.of(leg), 4, "pbx.example");
        assertThat(ringing).contains("call-id=\"a&amp;b\"").contains("local-tag=\"pbxtag\"")
                .contains("remote-tag=\"callertag\"").contains("direction=\"recipient\"")
                .contains("<state>early</state>").contains("sip:1000@pbx.example");
        assertThat(DialogInfoPackage.domainOf("sip:1001@pbx.example:5060;transport=tcp")).isEqualTo("pbx.example:5060");
    }

    @Test
    void aDialogDocumentRenderedOnceForAStateCarriesEachWatchersVersionByteForByte() {
        // issue 10: one render per state change, one version per watcher
        var leg = new DialogLeg("c1", "-9223372036854775808", "pbxtag", "é", false, DialogLeg.State.CONFIRMED,
                "1000", Instant.EPOCH);
        VersionedDocument once = VersionedDocument.of(
                DialogInfoPackage.render("1001", List.of(leg), VersionedDocument.MARK, "pbx.example"));
        for (long version : new long[]{1, 42, 1_000_000_007L}) {
            assertThat(once.with(version)).isEqualTo(DialogInfoPackage.render("1001", List.of(leg), version,
                    "pbx.example").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void pidfIsOpenWhileReachableAndOnThePhoneInACall() {
        assertThat(PidfPackage.render("1001", ExtensionState.IN_CALL, "d")).contains("<basic>open</basic>")
                .contains("<rpid:on-the-phone/>");
        assertThat(PidfPackage.render("1001", ExtensionState.UNREGISTERED, "d")).contains("<basic>closed</basic>");
    }

    private static CallProfile profile(CallProfile.Kind kind, String name) {
        Destination vm = new Destination(Destination.Type.VOICEMAIL, "");
        CallRule rule = new CallRule(0, false, vm, vm, vm);
        return new CallProfile(1, kind, name, 2, true, true, rule, rule);
    }

    @Test
    void pidfCarriesTheActiveProfileAsANoteAndAsAnActivityWhileNotOnThePhone() {
        String busy = PidfPackage.render("1001", ExtensionState.READY,
                Optional.of(profile(CallProfile.Kind.BUSY, "busy")), "d");
        assertThat(busy).contains("<rpid:busy/>").contains("<dm:note>Profile: Busy</dm:note>");
        assertThat(PidfPackage.render("1001", ExtensionState.IN_CALL,
                Optional.of(profile(CallProfile.Kind.AWAY, "away")), "d")).contains("<rpid:on-the-phone/>")
                .contains("Profile: Away");
        assertThat(PidfPackage.render("1001", ExtensionState.READY,
                Optional.of(profile(CallProfile.Kind.CUSTOM, "At <lunch>")), "d")).contains("<rpid:unknown/>")
                .contains("Profile: At &lt;lunch&gt;");
    }

    @Test
    void lampKeysNeverLookLikeExtensionsAndReadBack() {
        assertThat(Lamp.parse("agent:1001")).contains(Lamp.agent("1001"));
        assertThat(Lamp.parse(Lamp.profile("1001", 2).key())).contains(Lamp.profile("1001", 2));
        assertThat(Lamp.parse("1001")).isEmpty();
        assertThat(Lamp.parse("profile:1001:x")).isEmpty();
        String lit = DialogInfoPackage.renderLamp("agent-1001", new Lamp.Shown(true, true, "away", "On break"), 3,
                "sip:*45@pbx.example");
        assertThat(lit).contains("<state>confirmed</state>").contains("display=\"On break\"")
                .contains("version=\"3\"").doesNotContain("call-id");
    }
}
