package org.carillon.pbx.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Chooses whom to offer a waiting caller to, by the team's {@link Strategy}: among the members that are ready and not
 * excluded (ringing for another caller, or already tried by this one). A pure function of its inputs.
 *
 * <p>Threads: stateless apart from the random source; call it under the queue's lock.
 */
final class AgentPicker {
    private AgentPicker() {
    }

    /**
     * @param team     the team (its members in order)
     * @param agents   the current agent of an extension
     * @param excluded extensions not to offer now
     * @param last     the member offered the previous call of this team (round robin continues after it)
     * @param random   for {@code random}
     * @return the extensions to ring at once: all candidates for ring all, else one; empty when nobody can take it
     */
    static List<String> pick(Team team, Function<String, Optional<Agent>> agents, Set<String> excluded,
                             Optional<String> last, RandomGenerator random) {
        List<String> members = team.members();
        List<Agent> ready = new ArrayList<>();
        for (String m : members) {
            if (!excluded.contains(m)) {
                agents.apply(m).filter(a -> a.state() == AgentState.READY).ifPresent(ready::add);
            }
        }
        if (ready.isEmpty()) {
            return List.of();
        }
        return switch (team.strategy()) {
            case RING_ALL -> ready.stream().map(Agent::extension).toList();
            case HUNT -> List.of(ready.getFirst().extension());
            case ROUND_ROBIN -> {
                int after = last.map(members::indexOf).orElse(-1);
                Agent next = ready.stream().filter(a -> members.indexOf(a.extension()) > after).findFirst()
                        .orElse(ready.getFirst());
                yield List.of(next.extension());
            }
            case LONGEST_IDLE -> List.of(ready.stream().min(Comparator.comparing(Agent::idleSince)
                    .thenComparing(a -> members.indexOf(a.extension()))).orElseThrow().extension());
            case RANDOM -> List.of(ready.get(random.nextInt(ready.size())).extension());
        };
    }
}
