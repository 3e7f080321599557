package org.carillon.pbx.team;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.Holiday;
import org.carillon.pbx.schedule.ScheduleService;
import org.carillon.pbx.schedule.Verdict;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * A team's office hours, applied the way a called extension's are ({@code ProfileForwarding}): a team whose
 * {@link Team#officeHours()} is {@link Team#GLOBAL_HOURS} follows the tenant's schedule through
 * {@link ScheduleService#verdict} — manual override, global holidays, break hours, office hours, in the tenant's time
 * zone. While that says closed, break or holiday, callers do not join the queue but go to:
 * <ol>
 *   <li>the holiday's audio, when the holiday has one (as for extensions);</li>
 *   <li>else the team's own {@link Team#outOfHours()} destination;</li>
 *   <li>else the tenant's Non-Office-Hours (or Break-Time) Action — except that "the called extension's own
 *       voicemail" means nothing for a team, which has no mailbox, and the team itself is closed: then the team's
 *       overflow, else hang-up (480).</li>
 * </ol>
 * Teams with empty office hours are always open.
 *
 * <p>Threads: thread-safe; runs on call executors; reads the schedule service's caches.
 */
@Component
class TeamHours {
    private final ScheduleService schedules;

    TeamHours(ScheduleService schedules) {
        this.schedules = schedules;
    }

    /**
     * Where a caller to {@code team} goes instead of its queue at {@code at}.
     *
     * @param to  the destination
     * @param why the rule, as written in the call history ({@code team 600 outside office hours})
     */
    record Closed(Destination to, String why) {
    }

    /** Empty while the team is open at {@code at}. */
    Optional<Closed> closed(Team team, Instant at) {
        if (!team.officeHours().equals(Team.GLOBAL_HOURS)) {
            return Optional.empty();
        }
        Verdict verdict = schedules.verdict(team.tenantId(), team.number(), at);
        if (verdict.open()) {
            return Optional.empty();
        }
        Destination action = verdict.action().orElseThrow();
        Destination to;
        if (verdict.holiday().map(Holiday::audio).orElse(false)) {
            to = action;
        } else if (team.outOfHours().isPresent()) {
            to = team.outOfHours().get();
        } else if (action.target().equals(team.number())
                && (action.type() == Destination.Type.VOICEMAIL || action.type() == Destination.Type.TEAM)) {
            // the tenant's action is "own voicemail" (a team has none) or this very team (it is closed): not there
            to = team.overflow().orElse(new Destination(Destination.Type.HANGUP, ""));
        } else {
            to = action;
        }
        return Optional.of(new Closed(to, "team " + team.number() + " " + verdict.reason()));
    }
}
