package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Teams on PostgreSQL: a team created, a SIPp caller answered by a SIPp agent, state changes, history and report. */
class TeamPostgresIT extends CallPostgresContext {

    @Test
    void aTeamCallIsAnsweredAndTheAgentsHistoryAndTheReportAreStoredOnPostgres() throws Exception {
        int agentPort = TestPorts.udp();
        Calls.Ext agent = Calls.registeredSipp(this, agentPort);
        Calls.Ext caller = Calls.newExtension(this);
        var r = api().post("/api/v1/teams", "{\"name\":\"PG\",\"strategy\":\"hunt\",\"members\":[\"" + agent.number()
                + "\"],\"wrapUpSeconds\":0,\"overflow\":{\"type\":\"hangup\",\"target\":\"\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String team = r.text("number");
        try (SippPeer phone = SippPeer.start("callee.xml", sipPort(), agentPort, List.of());
             SippPeer call = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", team, "-au",
                     caller.username(), "-ap", caller.password(), "-key", "caller", caller.number(), "-d", "1500"))) {
            assertThat(call.await()).as(call.output()).isZero();
            assertThat(phone.await()).as(phone.output()).isZero();
        }
        Calls.await("the agent back to ready", () -> "ready".equals(api().get("/api/v1/agents/" + agent.number())
                .text("state")), Duration.ofSeconds(5));
        var history = api().get("/api/v1/agents/" + agent.number() + "/history").json();
        assertThat(history.get(0).path("to").asString()).isEqualTo("ready");
        assertThat(history.get(1).path("to").asString()).isEqualTo("in_call");
        assertThat(api().send("PUT", "/api/v1/agents/" + agent.number() + "/state",
                "{\"state\":\"break\",\"auxCode\":\"meeting\"}").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/teams/" + team).json().path("overflow").path("type").asString())
                .isEqualTo("hangup");
        String today = LocalDate.ofInstant(clock().instant(), bean(org.carillon.pbx.tenant.TenantDirectory.class)
                .current().timeZone()).toString();
        var web = new org.carillon.platform.testing.WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        Calls.await("the call in the report", () -> web.get("/teams/" + team + "/report.csv?from=" + today + "&to="
                + today).body().contains(today + ",1,0,0,"), Duration.ofSeconds(5));
    }
}
