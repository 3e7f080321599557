package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls between two registered SIPp extensions through the PBX (digest on INVITE with 407), each checked on both
 * SIPp sides and in the call history: answer + caller hangs up, busy, cancel while ringing, no answer (the PBX
 * cancels after the no-answer timeout), unregistered callee (480).
 */
class SippCallH2IT extends CallH2Context {

    private SippPeer caller(String scenario, Calls.Ext from, Calls.Ext to, String... extra) throws Exception {
        var args = new java.util.ArrayList<>(List.of("-s", to.number(), "-au", from.username(), "-ap",
                from.password(), "-key", "caller", from.number()));
        args.addAll(List.of(extra));
        return SippPeer.start(scenario, sipPort(), TestPorts.udp(), args);
    }

    private JsonNode run(String callerScenario, String calleeScenario, String expectedResult, String... callerExtra)
            throws Exception {
        return run(callerScenario, calleeScenario, expectedResult, List.of(), () -> { }, callerExtra);
    }

    private JsonNode run(String callerScenario, String calleeScenario, String expectedResult, List<String> calleeExtra,
                         ThrowingRunnable during, String... callerExtra) throws Exception {
        int calleePort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, calleePort);
        Calls.voicemailOff(this, b); // these tests check the engine's own outcomes, not voicemail's
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer callee = SippPeer.start(calleeScenario, sipPort(), calleePort, calleeExtra);
             SippPeer caller = caller(callerScenario, a, b, callerExtra)) {
            during.run();
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(callee.await()).as(callee.output()).isZero();
        }
        JsonNode call = lastCallOf(a.number());
        assertThat(call.path("result").asString()).isEqualTo(expectedResult);
        assertThat(call.path("caller").asString()).isEqualTo(a.number());
        assertThat(call.path("dialled").asString()).isEqualTo(b.number());
        return call;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private JsonNode lastCallOf(String number) throws InterruptedException {
        return Calls.lastCallOf(this, number);
    }

    private JsonNode awaitActiveState(String state) throws InterruptedException {
        return Calls.awaitActiveState(this, state);
    }

    @Test
    void answeredCallIsBridgedAndTheCallersByeEndsItWithHistory() throws Exception {
        run("caller.xml", "callee.xml", "answered", "-d", "500");
    }

    @Test
    void callerHoldsWithSendonlyGetsRecvonlyAndTheCallShowsOnHoldThenResumes() throws Exception {
        JsonNode call = run("caller_hold.xml", "callee.xml", "answered", List.of(),
                () -> awaitActiveState("on_hold"));
        assertThat(call.path("endedBy").asString()).isEqualTo("caller");
    }

    @Test
    void calleeHangsUpAndTheCallerGetsBye() throws Exception {
        JsonNode call = run("caller_waits.xml", "callee_hangs_up.xml", "answered", List.of("-d", "500"),
                () -> { });
        assertThat(call.path("endedBy").asString()).isEqualTo("callee");
    }

    @Test
    void aCalleeThatResendsIts2xxAfterItHungUpGetsTheAckAgain() throws Exception {
        JsonNode call = run("caller_waits.xml", "callee_resends_2xx_after_bye.xml", "answered", List.of("-d", "500"),
                () -> { });
        assertThat(call.path("endedBy").asString()).isEqualTo("callee");
    }

    @Test
    void aCalleeThatNeverAnswersByeDoesNotKeepTheCallAlive() throws Exception {
        run("caller.xml", "callee_silent.xml", "answered", "-d", "300");
        assertThat(api().get("/api/v1/calls/active").json().size()).isZero();
    }

    @Test
    void theAdminHangsUpAnActiveCallThroughTheApiAndBothSidesGetBye() throws Exception {
        JsonNode call = run("caller_waits.xml", "callee.xml", "answered", List.of(), () -> {
            JsonNode active = awaitActiveState("answered");
            JsonNode media = api().get("/api/v1/media/stats").json();
            assertThat(media.path("openLegs").asInt()).as(media.toString()).isGreaterThanOrEqualTo(2);
            assertThat(media.path("packets").has("packetsIn")).as(media.toString()).isTrue();
            assertThat(media.path("heapUsedBytes").asLong()).isPositive();
            var reply = api().delete("/api/v1/calls/active/" + active.path("id").asString());
            assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        });
        assertThat(call.path("endedBy").asString()).isEqualTo("admin");
        var csv = api().get("/api/v1/calls?format=csv&number=" + call.path("caller").asString());
        assertThat(csv.body()).startsWith("id,caller,dialled,callee").contains(call.path("id").asString() + ",");
    }

    @Test
    void theCalleesLegRunsSessionTimersAndTheCalleesRefreshIsConfirmed() throws Exception {
        // callee_timer.xml checks the INVITE's Supported/Session-Expires and our 200 to its UPDATE refresh
        JsonNode call = run("caller.xml", "callee_timer.xml", "answered", "-d", "2000");
        assertThat(call.path("endedBy").asString()).isEqualTo("caller");
    }

    @Test
    void thePbxRefreshesACalleesSessionHalfWayWithAnOfferlessReInvite() throws Exception {
        // RFC 4028's shortest interval, 90 s: the refresh comes at 45 s; callee_timer_refreshed.xml checks it and
        // that our ACK answers its offer, and the call goes on until the caller hangs up at 50 s
        int calleePort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, calleePort);
        Calls.voicemailOff(this, b);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer callee = SippPeer.start("callee_timer_refreshed.xml", sipPort(), calleePort,
                     List.of("-timeout", "80s"));
             SippPeer caller = caller("caller.xml", a, b, "-d", "50000", "-timeout", "80s")) {
            assertThat(caller.await(90)).as(caller.output()).isZero();
            assertThat(callee.await(10)).as(callee.output()).isZero();
        }
        JsonNode call = lastCallOf(a.number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
        assertThat(call.path("endedBy").asString()).isEqualTo("caller");
    }

    @Test
    void aRetransmittedInviteIsAbsorbedIntoOneCall() throws Exception {
        JsonNode call = run("caller_resends_invite.xml", "callee_slow.xml", "answered", "-d", "300");
        assertThat(call.path("endedBy").asString()).isEqualTo("caller");
        assertThat(api().get("/api/v1/calls?number=" + call.path("caller").asString()).json().path("total").asLong())
                .isEqualTo(1);
        assertThat(api().get("/api/v1/calls/active").json().size()).isZero();
    }

    @Test
    void busyCalleeGivesTheCaller486() throws Exception {
        run("caller_refused.xml", "callee_busy.xml", "busy");
    }

    @Test
    void callerCancelsWhileItRingsAndTheBranchIsCancelledToo() throws Exception {
        run("caller_cancel.xml", "callee_rings.xml", "cancelled");
    }

    @Test
    void nobodyAnswersSoThePbxCancelsAfterTheTimeoutAndTheCallerGets480() throws Exception {
        run("caller_refused.xml", "callee_rings.xml", "no_answer");
    }

    @Test
    void unregisteredCalleeGives480() throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext b = Calls.newExtension(this);
        Calls.voicemailOff(this, b);
        try (SippPeer caller = caller("caller_refused.xml", a, b)) {
            assertThat(caller.await()).as(caller.output()).isZero();
        }
        assertThat(lastCallOf(a.number()).path("status").asInt()).isEqualTo(480);
    }
}
