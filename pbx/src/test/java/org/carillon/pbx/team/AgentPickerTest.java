package org.carillon.pbx.team;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class AgentPickerTest {
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");
    private final Map<String, Agent> agents = new HashMap<>();

    private void agent(String ext, AgentState state, int idleSeconds) {
        agents.put(ext, new Agent(1, ext, state, "", T0, T0.plusSeconds(idleSeconds), Optional.empty(),
                Optional.empty(), "", 0));
    }

    private static Team team(Strategy s) {
        return new Team(1, 1, "Sales", "600", s, List.of("1000", "1001", "1002"), List.of(), 15, 300, 0, 0,
                "default", 20, Optional.empty(), "", Optional.empty(),
                org.carillon.pbx.schedule.WeeklyHours.none(), false);
    }

    private List<String> pick(Strategy s, Set<String> excluded, Optional<String> last) {
        return AgentPicker.pick(team(s), e -> Optional.ofNullable(agents.get(e)), excluded, last,
                new SplittableRandom(7));
    }

    @Test
    void ringAllOffersEveryReadyMemberButNotThoseOnBreakWrapUpOrInCall() {
        agent("1000", AgentState.READY, 0);
        agent("1001", AgentState.BREAK, 0);
        agent("1002", AgentState.READY, 0);
        assertThat(pick(Strategy.RING_ALL, Set.of(), Optional.empty())).containsExactly("1000", "1002");
        agent("1000", AgentState.WRAP_UP, 0);
        agent("1002", AgentState.IN_CALL, 0);
        assertThat(pick(Strategy.RING_ALL, Set.of(), Optional.empty())).isEmpty();
    }

    @Test
    void huntTakesTheFirstReadyMemberInOrderSkippingExcludedOnes() {
        agent("1000", AgentState.READY, 0);
        agent("1001", AgentState.READY, 0);
        agent("1002", AgentState.READY, 0);
        assertThat(pick(Strategy.HUNT, Set.of(), Optional.of("1000"))).containsExactly("1000");
        assertThat(pick(Strategy.HUNT, Set.of("1000"), Optional.empty())).containsExactly("1001");
    }

    @Test
    void roundRobinContinuesAfterTheLastOfferedMemberAndWraps() {
        agent("1000", AgentState.READY, 0);
        agent("1001", AgentState.LOGGED_OUT, 0);
        agent("1002", AgentState.READY, 0);
        assertThat(pick(Strategy.ROUND_ROBIN, Set.of(), Optional.empty())).containsExactly("1000");
        assertThat(pick(Strategy.ROUND_ROBIN, Set.of(), Optional.of("1000"))).containsExactly("1002");
        assertThat(pick(Strategy.ROUND_ROBIN, Set.of(), Optional.of("1002"))).containsExactly("1000");
    }

    @Test
    void longestIdlePicksTheEarliestIdleSince() {
        agent("1000", AgentState.READY, 30);
        agent("1001", AgentState.READY, 10);
        agent("1002", AgentState.READY, 20);
        assertThat(pick(Strategy.LONGEST_IDLE, Set.of(), Optional.empty())).containsExactly("1001");
        assertThat(pick(Strategy.LONGEST_IDLE, Set.of("1001"), Optional.empty())).containsExactly("1002");
    }

    @Test
    void randomSpreadsOverEveryReadyMember() {
        agent("1000", AgentState.READY, 0);
        agent("1001", AgentState.READY, 0);
        agent("1002", AgentState.READY, 0);
        RandomGenerator random = new SplittableRandom(42);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            String who = AgentPicker.pick(team(Strategy.RANDOM), e -> Optional.ofNullable(agents.get(e)), Set.of(),
                    Optional.empty(), random).getFirst();
            counts.merge(who, 1, Integer::sum);
        }
        assertThat(counts).hasSize(3);
        counts.values().forEach(n -> assertThat(n).isBetween(850, 1150));
    }

    @Test
    void stateMachineAllowsOnlyTheDocumentedTransitions() {
        assertThat(AgentState.LOGGED_OUT.allows(AgentState.BREAK)).isFalse();
        assertThat(AgentState.LOGGED_OUT.allows(AgentState.READY)).isTrue();
        assertThat(AgentState.WRAP_UP.allows(AgentState.IN_CALL)).isFalse();
        assertThat(AgentState.READY.allows(AgentState.WRAP_UP)).isFalse();
        assertThat(AgentState.IN_CALL.allows(AgentState.WRAP_UP)).isTrue();
        assertThat(AgentState.WRAP_UP.requestable()).isFalse();
        assertThat(AgentState.IN_CALL.requestable()).isFalse();
    }
}
