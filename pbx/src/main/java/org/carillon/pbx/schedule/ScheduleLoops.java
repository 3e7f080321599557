package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds a forwarding loop: a call to an extension sent by its schedule action (outside office hours, during a break,
 * on a holiday) or by its call profile's rules (no answer, busy, unregistered) to an extension or team that —
 * directly or through more actions and team members — leads back to it. Conservative: two actions count as a loop
 * even when their times never coincide, because hours change.
 *
 * <p>Pure; thread-safe.
 */
public final class ScheduleLoops {
    private ScheduleLoops() {
    }

    /**
     * @param actions     the schedule actions (already resolved for the extension) of every extension, by number
     * @param teamMembers the members of a team number
     * @return the first loop found as its nodes in order, the first repeated at the end ("1001", "600", "1001")
     */
    static Optional<List<String>> find(Map<String, List<Destination>> actions,
                                       Function<String, List<String>> teamMembers) {
        Map<String, List<String>> edges = edges(actions, teamMembers);
        Set<String> done = new java.util.HashSet<>();
        for (String start : edges.keySet().stream().sorted().toList()) {
            Optional<List<String>> loop = walk(start, edges, new LinkedHashSet<>(), done);
            if (loop.isPresent()) {
                return loop;
            }
        }
        return Optional.empty();
    }

    /**
     * A loop that passes through {@code start} (loops elsewhere in the graph are not {@code start}'s to answer for).
     *
     * @param start       the extension number being saved
     * @param actions     where calls to each extension may be sent (extension and team destinations count), by number
     * @param teamMembers the members of a team number
     * @return the loop as its nodes in order from {@code start} back to it ("1001", "team 600", "1001")
     */
    public static Optional<List<String>> findThrough(String start, Map<String, List<Destination>> actions,
                                                     Function<String, List<String>> teamMembers) {
        Map<String, List<String>> edges = edges(actions, teamMembers);
        return back(start, start, edges, new LinkedHashSet<>(), new java.util.HashSet<>(Set.of(start)));
    }

    /** Depth-first from {@code node} towards {@code start}; {@code seen} makes it linear (plain reachability). */
    private static Optional<List<String>> back(String start, String node, Map<String, List<String>> edges,
                                               LinkedHashSet<String> path, Set<String> seen) {
        path.add(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            if (next.equals(start)) {
                List<String> loop = new ArrayList<>(path);
                loop.add(start);
                return Optional.of(loop);
            }
            if (seen.add(next)) {
                Optional<List<String>> loop = back(start, next, edges, path, seen);
                if (loop.isPresent()) {
                    return loop;
                }
            }
        }
        path.remove(node);
        return Optional.empty();
    }

    private static Map<String, List<String>> edges(Map<String, List<Destination>> actions,
                                                   Function<String, List<String>> teamMembers) {
        Map<String, List<String>> edges = new HashMap<>();
        actions.forEach((number, acts) -> {
            List<String> next = new ArrayList<>();
            for (Destination d : acts) {
                if (d.type() == Destination.Type.EXTENSION) {
                    next.add(d.target());
                } else if (d.type() == Destination.Type.TEAM) {
                    String team = "team " + d.target();
                    next.add(team);
                    edges.computeIfAbsent(team, t -> teamMembers.apply(d.target()));
                }
            }
            edges.put(number, next);
        });
        return edges;
    }

    private static Optional<List<String>> walk(String node, Map<String, List<String>> edges, LinkedHashSet<String> path,
                                               Set<String> done) {
        if (path.contains(node)) {
            List<String> p = new ArrayList<>(path);
            List<String> loop = new ArrayList<>(p.subList(p.indexOf(node), p.size()));
            loop.add(node);
            return Optional.of(loop);
        }
        if (done.contains(node)) {
            return Optional.empty();
        }
        path.add(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            Optional<List<String>> loop = walk(next, edges, path, done);
            if (loop.isPresent()) {
                return loop;
            }
        }
        path.remove(node);
        done.add(node);
        return Optional.empty();
    }

    /** "1001 → team 600 → 1001". */
    public static String describe(List<String> loop) {
        return String.join(" → ", loop);
    }
}
