package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.team.AgentService;
import org.carillon.pbx.team.AgentState;
import org.carillon.pbx.team.TeamQueue;
import org.carillon.pbx.team.TeamService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 with real SIP peers: SIPp agents (registered extensions answering, ringing without answer) and SIPp
 * callers dialling a team number. Each strategy distributes as documented; a non-answering agent is skipped; break
 * and wrap-up are respected; the wait overflows; a caller hanging up while waiting leaves no trace in the queue.
 */
class TeamSippH2IT extends CallH2Context {
    private final List<SippPeer> peers = new ArrayList<>();

    @AfterEach
    void stopPeers() {
        peers.forEach(SippPeer::close);
        peers.clear();
    }

    /** A registered extension whose SIPp phone runs {@code scenario} for up to {@code calls} calls. */
    private Calls.Ext agentPhone(String scenario, int calls) throws Exception {
        int port = TestPorts.udp();
        Calls.Ext e = Calls.registeredSipp(this, port);
        peers.add(SippPeer.start(scenario, sipPort(), port, List.of("-m", Integer.toString(calls), "-timeout",
                "90s")));
        return e;
    }

    private String team(String strategy, List<Calls.Ext> members, String extra) {
        String json = "{\"name\":\"Team " + strategy + "\",\"strategy\":\"" + strategy + "\",\"members\":["
                + members.stream().map(m -> "\"" + m.number() + "\"").collect(Collectors.joining(","))
                + "],\"ringSeconds\":5,\"maxWaitSeconds\":60,\"wrapUpSeconds\":0" + extra + "}";
        var r = api().post("/api/v1/teams", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.text("number");
    }

    private long tenant() {
        return bean(org.carillon.pbx.tenant.TenantDirectory.class).current().id();
    }

    private long teamId(String number) {
        return bean(TeamService.class).find(tenant(), number).map(t -> t.id()).orElseThrow();
    }

    /** One caller dials the team, talks {@code talkMs} once an agent answered, and hangs up. */
    private void call(String team, long talkMs) throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer caller = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", team, "-au",
                a.username(), "-ap", a.password(), "-key", "caller", a.number(), "-d", Long.toString(talkMs)))) {
            assertThat(caller.await()).as(caller.output()).isZero();
        }
    }

    private void awaitState(String ext, AgentState state) throws InterruptedException {
        Calls.await(ext + " " + state.wire(), () -> bean(AgentService.class).find(tenant(), ext)
                .map(x -> x.state() == state).orElse(false), Duration.ofSeconds(5));
    }

    /** Who answered each caller of the team, in order of arrival (the clock moves 1 s between calls). */
    private List<String> answeredBy(String team, int calls) throws InterruptedException {
        long id = teamId(team);
        Calls.await(calls + " calls logged", () -> jdbc().sql("SELECT COUNT(*) FROM team_call WHERE team_id = ?")
                .param(id).query(Long.class).single() == calls, Duration.ofSeconds(5));
        return jdbc().sql("SELECT agent FROM team_call WHERE team_id = ? ORDER BY queued_at").param(id)
                .query(String.class).list();
    }

    private List<String> distribute(String team, List<Calls.Ext> agents, int calls) throws Exception {
        for (int i = 0; i < calls; i++) {
            for (Calls.Ext e : agents) {
                awaitState(e.number(), AgentState.READY);
            }
            call(team, 1500);
            advance(Duration.ofSeconds(1));
        }
        return answeredBy(team, calls);
    }

    private List<Calls.Ext> answeringAgents(int n, int calls) throws Exception {
        List<Calls.Ext> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(agentPhone("callee.xml", calls));
        }
        return out;
    }

    @Test
    void huntAlwaysOffersTheFirstReadyMemberInOrder() throws Exception {
        var agents = answeringAgents(3, 3);
        String team = team("hunt", agents, "");
        assertThat(distribute(team, agents, 3)).containsExactly(agents.get(0).number(), agents.get(0).number(),
                agents.get(0).number());
    }

    @Test
    void roundRobinRotatesThroughTheMembers() throws Exception {
        var agents = answeringAgents(3, 4);
        String team = team("round_robin", agents, "");
        assertThat(distribute(team, agents, 4)).containsExactly(agents.get(0).number(), agents.get(1).number(),
                agents.get(2).number(), agents.get(0).number());
    }

    @Test
    void longestIdlePicksTheAgentFreeForTheLongestTime() throws Exception {
        var agents = answeringAgents(3, 3);
        String team = team("longest_idle", agents, "");
        // idle since: agent 2 at T0 (joined), agent 0 at T0+1 s, agent 1 at T0+2 s
        for (int i : new int[]{0, 1}) {
            advance(Duration.ofSeconds(1));
            String ext = agents.get(i).number();
            assertThat(api().send("PUT", "/api/v1/agents/" + ext + "/state", "{\"state\":\"break\"}").status())
                    .isEqualTo(200);
            assertThat(api().send("PUT", "/api/v1/agents/" + ext + "/state", "{\"state\":\"ready\"}").status())
                    .isEqualTo(200);
        }
        advance(Duration.ofSeconds(1));
        assertThat(distribute(team, agents, 3)).containsExactly(agents.get(2).number(), agents.get(0).number(),
                agents.get(1).number());
    }

    @Test
    void randomSpreadsCallsOverTheMembers() throws Exception {
        var agents = answeringAgents(3, 9);
        String team = team("random", agents, "");
        List<String> who = distribute(team, agents, 9);
        assertThat(who).allMatch(w -> agents.stream().anyMatch(a -> a.number().equals(w)));
        assertThat(who.stream().distinct().count()).as("9 random picks over 3 agents").isGreaterThan(1);
    }

    @Test
    void ringAllRingsEveryoneAndTheFirstToAnswerTakesTheCall() throws Exception {
        Calls.Ext ringsOnly1 = agentPhone("callee_rings.xml", 1);
        Calls.Ext answers = agentPhone("callee.xml", 1);
        Calls.Ext ringsOnly2 = agentPhone("callee_rings.xml", 1);
        String team = team("ring_all", List.of(ringsOnly1, answers, ringsOnly2), "");
        call(team, 1500);
        assertThat(answeredBy(team, 1)).containsExactly(answers.number());
        // the two that only rang were cancelled (their scenarios expect the CANCEL and end cleanly)
        assertThat(peers.get(0).await()).as(peers.get(0).output()).isZero();
        assertThat(peers.get(2).await()).as(peers.get(2).output()).isZero();
    }

    @Test
    void anAgentWhoDoesNotAnswerIsSkippedAndTheCallerGoesOnToTheNext() throws Exception {
        Calls.Ext silent = agentPhone("callee_rings.xml", 1);
        Calls.Ext answers = agentPhone("callee.xml", 1);
        String team = team("hunt", List.of(silent, answers), "");
        call(team, 8000); // 5 s ringing the first, then the second answers
        assertThat(answeredBy(team, 1)).containsExactly(answers.number());
        assertThat(peers.get(0).await()).as(peers.get(0).output()).isZero();
    }

    @Test
    void breakAndWrapUpAreRespected() throws Exception {
        var agents = answeringAgents(2, 2);
        String a0 = agents.get(0).number();
        String a1 = agents.get(1).number();
        String team = team("hunt", agents, "").trim();
        var r = api().send("PUT", "/api/v1/teams/" + team, "{\"name\":\"Wrap\",\"strategy\":\"hunt\",\"members\":[\""
                + a0 + "\",\"" + a1 + "\"],\"ringSeconds\":5,\"maxWaitSeconds\":60,\"wrapUpSeconds\":30}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(api().send("PUT", "/api/v1/agents/" + a0 + "/state",
                "{\"state\":\"break\",\"auxCode\":\"lunch\"}").status()).isEqualTo(200);
        call(team, 1500);
        advance(Duration.ofSeconds(1));
        awaitState(a1, AgentState.WRAP_UP);
        assertThat(bean(AgentService.class).require(tenant(), a0).state()).isEqualTo(AgentState.BREAK);
        assertThat(api().send("PUT", "/api/v1/agents/" + a0 + "/state", "{\"state\":\"ready\"}").status())
                .isEqualTo(200);
        call(team, 1500); // a1 is wrapping up: the call goes to a0 though it is second in hunt order
        assertThat(answeredBy(team, 2)).containsExactly(a1, a0);
        advance(Duration.ofSeconds(31));
        awaitState(a1, AgentState.READY);
        var history = api().get("/api/v1/agents/" + a1 + "/history").json();
        assertThat(history.get(0).path("to").asString()).isEqualTo("ready");
        assertThat(history.get(1).path("to").asString()).isEqualTo("wrap_up");
        assertThat(history.get(2).path("to").asString()).isEqualTo("in_call");
    }

    @Test
    void theWaitOverflowsToTheOverflowExtension() throws Exception {
        Calls.Ext agent = agentPhone("callee.xml", 1);
        Calls.Ext overflow = agentPhone("callee.xml", 1);
        String team = team("hunt", List.of(agent), ",\"overflow\":{\"type\":\"extension\",\"target\":\""
                + overflow.number() + "\"}");
        var r = api().send("PUT", "/api/v1/teams/" + team, "{\"name\":\"Overflow\",\"strategy\":\"hunt\","
                + "\"members\":[\"" + agent.number() + "\"],\"maxWaitSeconds\":5,\"overflow\":{\"type\":\"extension\","
                + "\"target\":\"" + overflow.number() + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(api().send("PUT", "/api/v1/agents/" + agent.number() + "/state", "{\"state\":\"logged_out\"}")
                .status()).isEqualTo(200);
        call(team, 8000);
        long id = teamId(team);
        Calls.await("overflow logged", () -> jdbc().sql("SELECT COUNT(*) FROM team_call WHERE team_id = ?"
                + " AND result = 'overflow'").param(id).query(Long.class).single() == 1, Duration.ofSeconds(5));
        assertThat(peers.get(1).await()).as("the overflow extension answered: " + peers.get(1).output()).isZero();
    }

    @Test
    void aCallerHangingUpWhileWaitingLeavesNoTraceInTheQueue() throws Exception {
        Calls.Ext agent = agentPhone("callee.xml", 1);
        String team = team("ring_all", List.of(agent), "");
        assertThat(api().send("PUT", "/api/v1/agents/" + agent.number() + "/state", "{\"state\":\"break\"}")
                .status()).isEqualTo(200);
        call(team, 1000);
        long id = teamId(team);
        Calls.await("abandoned logged", () -> jdbc().sql("SELECT COUNT(*) FROM team_call WHERE team_id = ?"
                + " AND result = 'abandoned'").param(id).query(Long.class).single() == 1, Duration.ofSeconds(5));
        assertThat(bean(TeamQueue.class).waiting(id)).isEmpty();
        assertThat(bean(AgentService.class).require(tenant(), agent.number()).state()).isEqualTo(AgentState.BREAK);
        // back from break, the agent gets no call from the caller who left
        assertThat(api().send("PUT", "/api/v1/agents/" + agent.number() + "/state", "{\"state\":\"ready\"}")
                .status()).isEqualTo(200);
        assertThat(api().get("/api/v1/calls/active").json().size()).isZero();
    }

    @Test
    void anAgentWhoBlindTransfersATeamCallGoesToWrapUpWhileTheCallGoesOn() throws Exception {
        int agentPort = TestPorts.udp();
        int targetPort = TestPorts.udp();
        Calls.Ext agent = Calls.registeredSipp(this, agentPort);
        Calls.Ext target = Calls.registeredSipp(this, targetPort);
        String team = team("hunt", List.of(agent), "").trim();
        var r = api().send("PUT", "/api/v1/teams/" + team, "{\"name\":\"Transfer\",\"strategy\":\"hunt\","
                + "\"members\":[\"" + agent.number() + "\"],\"ringSeconds\":5,\"maxWaitSeconds\":60,"
                + "\"wrapUpSeconds\":30}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer targetPhone = SippPeer.start("callee.xml", sipPort(), targetPort, List.of()).awaitBound();
             SippPeer agentPhone = SippPeer.start("callee_transfers.xml", sipPort(), agentPort,
                     List.of("-d", "300", "-key", "target", target.number())).awaitBound();
             SippPeer caller = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", team, "-au",
                     a.username(), "-ap", a.password(), "-key", "caller", a.number(), "-d", "10000"))) {
            assertThat(agentPhone.await()).as(agentPhone.output()).isZero();
            // the agent is off the call, the caller still talks to the transfer target: the agent's team call is over
            awaitState(agent.number(), AgentState.WRAP_UP);
            assertThat(api().get("/api/v1/calls/active").json().size()).as("the caller still talks").isEqualTo(1);
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(targetPhone.await()).as(targetPhone.output()).isZero();
        }
        assertThat(answeredBy(team, 1)).containsExactly(agent.number());
        assertThat(bean(AgentService.class).require(tenant(), agent.number()).state()).isEqualTo(AgentState.WRAP_UP);
        advance(Duration.ofSeconds(31));
        awaitState(agent.number(), AgentState.READY);
    }
}
