package org.carillon.pbx.team;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the soak's fake callers saw, and the rule breaks among it: an agent ringing or talking for two at once. */
final class SoakLedger {
    private final Set<String> ringing = new HashSet<>();
    private final Set<String> talking = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private long answered;

    synchronized void startRinging(List<String> agents) {
        for (String a : agents) {
            if (!ringing.add(a)) {
                violations.add(a + " rang for two callers at once");
            }
            if (talking.contains(a)) {
                violations.add(a + " rang while talking");
            }
        }
    }

    synchronized void stopRinging(List<String> agents) {
        agents.forEach(ringing::remove);
    }

    synchronized void startTalking(String agent) {
        answered++;
        if (!talking.add(agent)) {
            violations.add(agent + " answered two callers at once");
        }
    }

    synchronized void stopTalking(String agent) {
        talking.remove(agent);
    }

    synchronized long answeredCount() {
        return answered;
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }
}
