package org.carillon.pbx.team;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.ExtensionSchedule;
import org.carillon.pbx.schedule.Holiday;
import org.carillon.pbx.schedule.ScheduleService;
import org.carillon.pbx.schedule.Verdict;
import org.carillon.pbx.schedule.WeeklyHours;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
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
 * A team whose office hours are {@link Team#OWN_HOURS} is evaluated the same way by the schedule package's
 * {@code ScheduleEvaluator}, with its own {@link Team#hours()} in place of the tenant's office and break hours (see
 * {@link #schedule}). Teams with empty office hours are always open.
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
        return switch (team.officeHours()) {
            case Team.GLOBAL_HOURS -> decide(team, schedules.verdict(team.tenantId(), team.number(), at));
            case Team.OWN_HOURS -> decide(team, schedules.verdict(team.tenantId(), team.number(), schedule(team), at));
            default -> Optional.empty();
        };
    }

    /**
     * A team with own hours as the schedule package's evaluator takes it: an extension-like schedule with the team's
     * {@link Team#hours()} as its office hours, no break hours, the tenant's actions and the global holidays unless the
     * team is exempt (the tenant's manual override still applies, as for an extension with own hours).
     */
    static ExtensionSchedule schedule(Team team) {
        return new ExtensionSchedule(true, team.hours(), WeeklyHours.none(), Optional.empty(), Optional.empty(),
                List.of(), team.exemptFromGlobalHolidays());
    }

    /** Pure: what a team does with a verdict. */
    static Optional<Closed> decide(Team team, Verdict verdict) {
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
