package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attended transfer (issue 6): a phone talks to X, consults C in a second call, then sends REFER in the first with
 * Refer-To naming C and a Replaces for its dialog in the second. X and C (SIPp phones) end up in one call, the
 * transferor's two dialogs are ended with BYE after a {@code 200} sipfrag NOTIFY, and both calls' histories say
 * what happened. Also the semi-attended case (C still ringing: the consultation is cancelled and C rung again as a
 * blind transfer) and a Replaces naming no dialog of the transferor.
 */
class AttendedTransferH2IT extends CallH2Context {

    private static boolean sipfrag(org.carillon.sip.message.SipRequest notify, String status) {
        return new String(notify.body(), java.nio.charset.StandardCharsets.US_ASCII).startsWith("SIP/2.0 " + status);
    }

    /** X and C registered by SIPp from their ports (their scenarios run there next); A, the transferor. */
    private record Phones(int xPort, Calls.Ext x, int cPort, Calls.Ext c, Calls.Ext a) {
    }

    private Phones phones() {
        int xPort = TestPorts.udp();
        int cPort = TestPorts.udp();
        return new Phones(xPort, Calls.registeredSipp(this, xPort), cPort, Calls.registeredSipp(this, cPort),
                Calls.newExtension(this));
    }

    private List<String> activeCallIds() {
        List<String> ids = new ArrayList<>();
        api().get("/api/v1/calls/active").json().forEach(c -> ids.add(c.path("id").asString()));
        return ids;
    }

    @Test
    void theConsultedTargetTakesTheTransferorsPlaceInTheFirstCall() throws Exception {
        Phones p = phones();
        try (SippPeer xPhone = SippPeer.start("callee.xml", sipPort(), p.xPort(), List.of());
             SippPeer cPhone = SippPeer.start("callee.xml", sipPort(), p.cPort(), List.of());
             ScriptedPhone transferor = new ScriptedPhone(sipPort(), p.a())) {
            ScriptedPhone.Dialog first = transferor.call(p.x().number());
            ScriptedPhone.Dialog consult = transferor.call(p.c().number());
            Calls.await("two calls up", Duration.ofSeconds(5), () -> activeCallIds().size() == 2);

            assertThat(transferor.referReplacing(first, p.c().number(), consult).statusCode()).isEqualTo(202);
            transferor.awaitRequest("NOTIFY", first, n -> sipfrag(n, "200"), Duration.ofSeconds(5));
            transferor.awaitRequest("BYE", first, r -> true, Duration.ofSeconds(5));
            transferor.awaitRequest("BYE", consult, r -> true, Duration.ofSeconds(5));

            Calls.await("one call left", Duration.ofSeconds(5), () -> activeCallIds().size() == 1);
            JsonNode call = api().get("/api/v1/calls/active").json().get(0);
            assertThat(call.path("state").asString()).isEqualTo("answered");
            // hanging the one call up ends both SIPp phones' dialogs: X and C are its two parties
            assertThat(api().delete("/api/v1/calls/active/" + call.path("id").asString()).status()).isEqualTo(202);
            assertThat(xPhone.await()).as(xPhone.output()).isZero();
            assertThat(cPhone.await()).as(cPhone.output()).isZero();
        }
        Calls.lastCallOf(this, p.a().number(), 2);
        List<String> transfers = new ArrayList<>();
        api().get("/api/v1/calls?number=" + p.a().number()).json().path("calls").forEach(r -> {
            assertThat(r.path("result").asString()).isEqualTo("answered");
            r.path("transfers").forEach(t -> transfers.add(t.asString()));
        });
        assertThat(transfers).contains("attended:" + p.c().number(), "attended-out:" + p.c().number());
    }

    @Test
    void aReplacesNamingNoDialogOfTheTransferorIsRefusedInTheSipfragAndNothingChanges() throws Exception {
        int xPort = TestPorts.udp();
        Calls.Ext x = Calls.registeredSipp(this, xPort);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer xPhone = SippPeer.start("callee.xml", sipPort(), xPort, List.of());
             ScriptedPhone transferor = new ScriptedPhone(sipPort(), a)) {
            ScriptedPhone.Dialog first = transferor.call(x.number());
            var nowhere = new ScriptedPhone.Dialog("no-such-call@nowhere", "a", "b", "", "");
            assertThat(transferor.referReplacing(first, x.number(), nowhere).statusCode()).isEqualTo(202);
            transferor.awaitRequest("NOTIFY", first, n -> sipfrag(n, "481"), Duration.ofSeconds(5));
            JsonNode call = Calls.awaitActiveState(this, "answered");
            assertThat(api().delete("/api/v1/calls/active/" + call.path("id").asString()).status()).isEqualTo(202);
            assertThat(xPhone.await()).as(xPhone.output()).isZero();
            transferor.awaitRequest("BYE", first, r -> true, Duration.ofSeconds(5));
        }
    }

    @Test
    void transferredWhileTheTargetStillRingsTheTargetIsRungAgainForTheTransferee() throws Exception {
        Phones p = phones();
        try (SippPeer xPhone = SippPeer.start("callee.xml", sipPort(), p.xPort(), List.of());
             ScriptedPhone transferor = new ScriptedPhone(sipPort(), p.a())) {
            ScriptedPhone.Dialog first = transferor.call(p.x().number());
            ScriptedPhone.Dialog consult;
            try (SippPeer ringingPhone = SippPeer.start("callee_rings.xml", sipPort(), p.cPort(), List.of())) {
                consult = transferor.ringing(p.c().number());
                assertThat(transferor.referReplacing(first, p.c().number(), consult).statusCode()).isEqualTo(202);
                // the consultation is cancelled at C's phone...
                assertThat(ringingPhone.await()).as(ringingPhone.output()).isZero();
            }
            // ...and C's phone is rung again, now for X (the PBX resends its INVITE until this phone takes it)
            try (SippPeer cPhone = SippPeer.start("callee.xml", sipPort(), p.cPort(), List.of())) {
                transferor.awaitRequest("NOTIFY", first, n -> sipfrag(n, "200"), Duration.ofSeconds(15));
                transferor.awaitRequest("BYE", first, r -> true, Duration.ofSeconds(5));
                JsonNode call = Calls.awaitActiveState(this, "answered");
                assertThat(api().delete("/api/v1/calls/active/" + call.path("id").asString()).status())
                        .isEqualTo(202);
                assertThat(xPhone.await()).as(xPhone.output()).isZero();
                assertThat(cPhone.await()).as(cPhone.output()).isZero();
            }
        }
        Calls.lastCallOf(this, p.a().number(), 2);
        List<String> transfers = new ArrayList<>();
        api().get("/api/v1/calls?number=" + p.a().number()).json().path("calls")
                .forEach(r -> r.path("transfers").forEach(t -> transfers.add(t.asString())));
        assertThat(transfers).contains("blind:" + p.c().number(), "attended-ringing:" + p.c().number());
    }
}
