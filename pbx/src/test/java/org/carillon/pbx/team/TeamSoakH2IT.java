package org.carillon.pbx.team;

import org.carillon.pbx.call.CallH2Context;
import org.carillon.pbx.call.Calls;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.access.Role;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's soak: the real queue, agent state machine and database, with callers that are not SIP (each on its own
 * serial executor like a real call) arriving continuously; agents answer at random, let ring out, reject; callers hang
 * up while waiting or overflow; three threads put agents on break, log them out and back in; the clock runs wrap-ups
 * out. At the end every caller is accounted for, nobody is left in the queue, no agent rang or talked for two callers
 * at once, every agent's state in memory equals its row and its history is one unbroken chain.
 *
 * <p>{@code -Dteams.soak.seconds} (default 60, as the issue asks of CI), {@code -Dteams.soak.agents} (6), {@code -Dteams.soak.callers}
 * (callers arriving per second, 20), {@code -Dteams.soak.talk.ms} (longest talk, 40) and {@code -Dteams.soak.maxwait}
 * (seconds, 5) scale it; {@code bench/teams} runs it long and big and prints the pick time.
 */
class TeamSoakH2IT extends CallH2Context {
    private static final int SECONDS = Integer.getInteger("teams.soak.seconds", 60);
    private static final int AGENTS = Integer.getInteger("teams.soak.agents", 6);
    private static final int PER_SECOND = Integer.getInteger("teams.soak.callers", 20);
    private static final int TALK_MS = Integer.getInteger("teams.soak.talk.ms", 40);
    private static final int MAX_WAIT = Integer.getInteger("teams.soak.maxwait", 5);

    @Test
    void randomAnswersRejectsHangUpsBreaksAndLogoutsLeaveEveryAgentConsistentAndEveryCallerAccountedFor()
            throws Exception {
        long tenant = bean(TenantDirectory.class).current().id();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            members.add(api().createExtension(uniqueEmail("soak"), "agent").text("number"));
        }
        Actor owner = new Actor(OWNER, Role.OWNER, Optional.empty(), "127.0.0.1");
        TeamService teams = bean(TeamService.class);
        Team team = teams.create(tenant, new TeamInput("Soak", Optional.empty(), Strategy.ROUND_ROBIN, members,
                List.of(), 5, MAX_WAIT, 1, 0, null, 20, Optional.empty(), "", Optional.empty(), null, null), owner);
        TeamQueue queue = bean(TeamQueue.class);
        AgentService agents = bean(AgentService.class);
        var timers = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
        SoakLedger ledger = new SoakLedger();
        List<FakeCaller> callers = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        long picksBefore = queue.pickTimer().count();
        long cpuBefore = processCpuNanos();

        List<Thread> chaos = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            chaos.add(Thread.ofVirtual().start(() -> {
                var random = ThreadLocalRandom.current();
                while (running.get()) {
                    String who = members.get(random.nextInt(members.size()));
                    int roll = random.nextInt(10);
                    AgentState to = roll < 6 ? AgentState.READY : roll < 9 ? AgentState.BREAK : AgentState.LOGGED_OUT;
                    try {
                        agents.request(tenant, who, to, to == AgentState.BREAK ? Optional.of("lunch")
                                : Optional.empty(), "soak");
                    } catch (AgentStateException refused) {
                        // logged_out → break: not a transition; the soak asks blindly
                    }
                    pause(50 + random.nextInt(200));
                }
            }));
        }
        var mostWaiting = new java.util.concurrent.atomic.AtomicInteger();
        Thread clockHand = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                mostWaiting.accumulateAndGet(queue.waiting(team.id()).size(), Math::max);
                advance(Duration.ofMillis(500)); // wrap-ups (1 s) run out by the injected clock
                pause(100);
            }
        });

        Instant end = Instant.now().plusSeconds(SECONDS);
        int n = 0;
        while (Instant.now().isBefore(end)) {
            FakeCaller c = new FakeCaller(tenant, "9" + n++, timers, ledger, TALK_MS);
            callers.add(c);
            if (ThreadLocalRandom.current().nextInt(100) < 30) {
                c.hangUpAfter(Duration.ofMillis(ThreadLocalRandom.current().nextInt(3000)));
            }
            c.execute(() -> queue.join(team, new Waiter(tenant, team.id(), c, clock().instant())));
            pause(1000 / PER_SECOND);
        }
        running.set(false);
        for (Thread t : chaos) {
            t.join();
        }
        clockHand.join();
        long cpu = processCpuNanos() - cpuBefore;

        // callers still waiting overflow within the maximum wait; talks end within TALK_MS
        Calls.await("every caller ended", () -> callers.stream().allMatch(FakeCaller::ended),
                Duration.ofSeconds(MAX_WAIT + 15 + TALK_MS / 1000));
        advance(Duration.ofSeconds(5));
        Calls.await("no wrap-up left", () -> agents.list(tenant).stream().filter(a -> members.contains(a.extension()))
                .noneMatch(a -> a.state() == AgentState.WRAP_UP), Duration.ofSeconds(5));

        assertThat(ledger.violations()).isEmpty();
        assertThat(queue.waiting(team.id())).isEmpty();
        long logged = jdbc().sql("SELECT COUNT(*) FROM team_call WHERE team_id = ?").param(team.id())
                .query(Long.class).single();
        Calls.await("every caller logged", () -> jdbc().sql("SELECT COUNT(*) FROM team_call WHERE team_id = ?")
                .param(team.id()).query(Long.class).single() == callers.size(), Duration.ofSeconds(5));
        long answeredRows = jdbc().sql("SELECT COUNT(*) FROM team_call WHERE team_id = ? AND result = 'answered'")
                .param(team.id()).query(Long.class).single();
        assertThat(answeredRows).isEqualTo(ledger.answeredCount());
        Map<String, Agent> rows = bean(AgentStore.class).all().stream().filter(a -> a.tenantId() == tenant)
                .collect(Collectors.toMap(Agent::extension, Function.identity()));
        for (String m : members) {
            Agent a = agents.require(tenant, m);
            assertThat(a.state()).as(m).isIn(AgentState.READY, AgentState.BREAK, AgentState.LOGGED_OUT);
            assertThat(a.pending()).as(m + " pending").isEmpty();
            assertThat(rows.get(m).state()).as(m + " row").isEqualTo(a.state());
            assertThat(rows.get(m).version()).as(m + " version").isEqualTo(a.version());
            var history = agents.history(tenant, m, 1_000_000).reversed();
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).from()).as(m + " history " + i).isEqualTo(history.get(i - 1).to());
            }
            assertThat(history.getLast().to()).isEqualTo(a.state());
        }
        long picks = queue.pickTimer().count() - picksBefore;
        System.out.printf("teams soak: %d s, %d agents, %d callers (%d answered, %d logged before drain, at most %d"
                        + " waiting), %d picks, pick p50 %.3f ms p99 %.3f ms, CPU %.3f ms per answered call%n", SECONDS,
                AGENTS, callers.size(), answeredRows, logged, mostWaiting.get(), picks,
                queue.pickTimer().quantile(0.5) / 1e6, queue.pickTimer().quantile(0.99) / 1e6, answeredRows == 0 ? 0 : cpu / 1e6 / answeredRows);
        callers.forEach(FakeCaller::close);
        timers.shutdownNow();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis); // pacing the load generator, not waiting for a result
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
