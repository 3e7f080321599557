package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.team.AgentService;
import org.carillon.pbx.team.AgentState;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 with three real baresip agents (auto-answer) and SIPp callers: a round-robin team rotates through them, an
 * agent on break is passed over, and each agent's phone really takes its call (baresip logs the established call).
 */
class TeamBaresipH2IT extends CallH2Context {

    @Test
    void threeBaresipAgentsTakeRoundRobinCallsInTurnAndOneOnBreakIsPassedOver() throws Exception {
        Path dir = Files.createTempDirectory("team-baresip");
        Path wav = dir.resolve("agent.wav");
        Signals.write(wav, Signals.pad(Signals.melody(new double[]{440, 660, 880}, 300, 0.4), 60_000));
        List<Calls.Ext> agents = List.of(Calls.newExtension(this), Calls.newExtension(this), Calls.newExtension(this));
        List<Baresip> phones = new ArrayList<>();
        try {
            for (int i = 0; i < agents.size(); i++) {
                Calls.Ext a = agents.get(i);
                phones.add(new Baresip(dir.resolve("agent" + i), a.number(), a.username(), a.password(), sipPort(),
                        TestPorts.sipPair(), TestPorts.tcp(), TestPorts.udpBlock(20), wav));
            }
            for (Baresip p : phones) {
                p.awaitStarted(Duration.ofSeconds(10));
            }
            for (Calls.Ext a : agents) {
                Calls.awaitRegistered(this, a.number());
            }
            var r = api().post("/api/v1/teams", "{\"name\":\"Baresip\",\"strategy\":\"round_robin\",\"members\":[\""
                    + agents.get(0).number() + "\",\"" + agents.get(1).number() + "\",\"" + agents.get(2).number()
                    + "\"],\"ringSeconds\":10,\"wrapUpSeconds\":0}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String team = r.text("number");
            long teamId = jdbc().sql("SELECT id FROM team WHERE number = ? AND tenant_id = ?").params(team,
                    bean(TenantDirectory.class).current().id()).query(Long.class).single();

            for (int i = 0; i < 3; i++) {
                call(team, agents);
            }
            for (Baresip p : phones) {
                assertThat(p.awaitLog("Call established", Duration.ofSeconds(5))).as(p.safeLog()).isTrue();
            }
            assertThat(api().send("PUT", "/api/v1/agents/" + agents.get(1).number() + "/state",
                    "{\"state\":\"break\"}").status()).isEqualTo(200);
            call(team, agents);
            call(team, agents);
            List<String> who = jdbc().sql("SELECT agent FROM team_call WHERE team_id = ? ORDER BY queued_at")
                    .param(teamId).query(String.class).list();
            assertThat(who).containsExactly(agents.get(0).number(), agents.get(1).number(), agents.get(2).number(),
                    agents.get(0).number(), agents.get(2).number());
        } finally {
            phones.forEach(Baresip::close);
        }
    }

    /** One SIPp caller stays 4 s (talking once an agent answered); the clock moves so that rows sort by arrival. */
    private void call(String team, List<Calls.Ext> agents) throws Exception {
        long tenant = bean(TenantDirectory.class).current().id();
        for (Calls.Ext a : agents) {
            Calls.await(a.number() + " not in a call", () -> bean(AgentService.class).require(tenant, a.number())
                    .state() != AgentState.IN_CALL, Duration.ofSeconds(5));
        }
        Calls.Ext c = Calls.newExtension(this);
        try (SippPeer caller = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", team, "-au",
                c.username(), "-ap", c.password(), "-key", "caller", c.number(), "-d", "4000"))) {
            assertThat(caller.await()).as(caller.output()).isZero();
        }
        Calls.await("the call logged", () -> jdbc().sql("SELECT COUNT(*) FROM team_call WHERE caller = ?")
                .param(c.number()).query(Long.class).single() == 1, Duration.ofSeconds(5));
        advance(Duration.ofSeconds(1));
    }
}
