package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Click-to-call (issue 10) with SIPp phones: {@code POST /api/v1/calls} as the user rings the user's own phone first,
 * then the colleague, and bridges them (one history row, answered by the colleague, marked {@code click_to_call},
 * audited); the refusals: no registered phone (409), another user's extension (403), an unknown target (400).
 */
class ClickToCallSippH2IT extends CallH2Context {

    @Test
    void thePbxRingsTheUsersPhoneThenTheColleagueAndBridgesThem() throws Exception {
        int uPort = TestPorts.udp();
        int tPort = TestPorts.udp();
        Calls.Ext user = Calls.registeredSipp(this, uPort);
        Calls.Ext colleague = Calls.registeredSipp(this, tPort);
        setWebPassword(user.email());
        try (SippPeer usersPhone = SippPeer.start("callee.xml", sipPort(), uPort, List.of()).awaitBound();
             SippPeer colleaguesPhone = SippPeer.start("callee_hangs_up.xml", sipPort(), tPort,
                     List.of("-d", "500")).awaitBound()) {
            var placed = apiAs(user.email()).post("/api/v1/calls", "{\"to\":\"" + colleague.number() + "\"}");
            assertThat(placed.status()).as(placed.body()).isEqualTo(202);
            assertThat(placed.text("from")).isEqualTo(user.number());
            assertThat(colleaguesPhone.await()).as(colleaguesPhone.output()).isZero();
            assertThat(usersPhone.await()).as(usersPhone.output()).isZero();
            JsonNode call = Calls.lastCallOf(this, user.number());
            assertThat(call.path("id").asString()).isEqualTo(placed.text("id"));
            assertThat(call.path("caller").asString()).isEqualTo(user.number());
            assertThat(call.path("callee").asString()).isEqualTo(colleague.number());
            assertThat(call.path("result").asString()).isEqualTo("answered");
            assertThat(call.path("transfers").toString()).isEqualTo("[\"click_to_call\"]");
        }
        assertThat(api().get("/api/v1/audit?actor=" + user.email()).body()).contains("call.click_to_call");
    }

    @Test
    void refusalsSayWhy() {
        Calls.Ext unregistered = Calls.newExtension(this);
        Calls.Ext other = Calls.newExtension(this);
        setWebPassword(unregistered.email());
        var noPhone = apiAs(unregistered.email()).post("/api/v1/calls", "{\"to\":\"" + other.number() + "\"}");
        assertThat(noPhone.status()).as(noPhone.body()).isEqualTo(409);
        assertThat(noPhone.body()).contains("Extension " + unregistered.number() + " has no registered phone");

        var notMine = apiAs(unregistered.email()).post("/api/v1/calls", "{\"from\":\"" + other.number()
                + "\",\"to\":\"" + unregistered.number() + "\"}");
        assertThat(notMine.status()).as(notMine.body()).isEqualTo(403);
        assertThat(notMine.body()).contains("your own extension only");

        var unknown = apiAs(unregistered.email()).post("/api/v1/calls", "{\"to\":\"8998\"}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"to\"").contains("There is no extension 8998");

        var nothing = apiAs(unregistered.email()).post("/api/v1/calls", "{}");
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(400);
        assertThat(nothing.body()).contains("\"field\":\"to\"");
    }
}
