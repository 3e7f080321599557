package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The call history on PostgreSQL: calls through the PBX are stored, searched by number and result, paged, exported. */
class CallHistoryPostgresIT extends CallPostgresContext {

    @Test
    void callsAreStoredSearchedPagedAndExportedOnPostgres() throws Exception {
        int calleePort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, calleePort);
        Calls.voicemailOff(this, b); // the engine's own 486 is checked, not voicemail
        Calls.Ext a = Calls.newExtension(this);
        List<String> auth = List.of("-s", b.number(), "-au", a.username(), "-ap", a.password(), "-key", "caller",
                a.number());
        try (SippPeer callee = SippPeer.start("callee.xml", sipPort(), calleePort, List.of());
             SippPeer caller = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), concat(auth, "-d", "300"))) {
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(callee.await()).as(callee.output()).isZero();
        }
        try (SippPeer callee = SippPeer.start("callee_busy.xml", sipPort(), calleePort, List.of());
             SippPeer caller = SippPeer.start("caller_refused.xml", sipPort(), TestPorts.udp(), auth)) {
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(callee.await()).as(callee.output()).isZero();
        }
        Calls.lastCallOf(this, a.number());
        JsonNode all = api().get("/api/v1/calls?number=" + a.number()).json();
        assertThat(all.path("total").asLong()).isEqualTo(2);
        JsonNode page = api().get("/api/v1/calls?number=" + a.number() + "&size=1&page=1").json();
        assertThat(page.path("calls").size()).isEqualTo(1);
        JsonNode busy = api().get("/api/v1/calls?number=" + a.number() + "&result=busy").json().path("calls");
        assertThat(busy.size()).isEqualTo(1);
        assertThat(busy.get(0).path("status").asInt()).isEqualTo(486);
        JsonNode answered = api().get("/api/v1/calls?number=" + b.number() + "&result=answered").json().path("calls");
        assertThat(answered.get(0).path("callee").asString()).isEqualTo(b.number());
        assertThat(answered.get(0).path("answeredAt").isNull()).isFalse();
        String csv = api().get("/api/v1/calls?format=csv&number=" + a.number()).body();
        assertThat(csv.split("\r\n")).hasSize(3);
    }

    private static List<String> concat(List<String> a, String... more) {
        var l = new java.util.ArrayList<>(a);
        l.addAll(List.of(more));
        return l;
    }
}
