package org.carillon.pbx.team;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.WeeklyHours;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A team: a dialable number whose callers wait in a queue and are offered to its members (agents).
 *
 * @param id                  database id
 * @param tenantId            its tenant
 * @param name                shown on pages and the wall
 * @param number              dialable, from the team range (600–699)
 * @param strategy            how waiting callers are offered to ready agents
 * @param members             agent extensions in order (hunt order)
 * @param supervisors         extensions whose users see the wall of this team and change its agents' states
 * @param ringSeconds         how long one offer rings an agent (or all, for ring all)
 * @param maxWaitSeconds      how long a caller waits at most before the overflow destination
 * @param wrapUpSeconds       wrap-up after each team call (0: none)
 * @param announceSeconds     "please hold" every N seconds while waiting (0: never)
 * @param musicOnHold         the music-on-hold source ({@code default}: the built-in clip)
 * @param serviceLevelSeconds answered within this wait counts towards the service level
 * @param overflow            where callers go when the wait is over; empty: they are hung up
 * @param officeHours         which schedule opens the team: empty (always open), {@link #GLOBAL_HOURS} (the
 *                            tenant's office hours, break hours, holidays and manual override) or {@link #OWN_HOURS}
 *                            ({@code hours} in the tenant's zone, with the tenant's holidays and manual override)
 * @param outOfHours          where callers go while that schedule says closed, break or holiday; empty: the tenant's
 *                            Non-Office-Hours or Break-Time Action
 * @param hours               the team's own weekly hours (used only with {@link #OWN_HOURS})
 * @param exemptFromGlobalHolidays the tenant's holidays do not close the team (only with {@link #OWN_HOURS})
 */
public record Team(long id, long tenantId, String name, String number, Strategy strategy, List<String> members,
                   List<String> supervisors, int ringSeconds, int maxWaitSeconds, int wrapUpSeconds,
                   int announceSeconds, String musicOnHold, int serviceLevelSeconds, Optional<Destination> overflow,
                   String officeHours, Optional<Destination> outOfHours, WeeklyHours hours,
                   boolean exemptFromGlobalHolidays) {
    /** {@link #officeHours} naming the tenant's global schedule. */
    public static final String GLOBAL_HOURS = "global";
    /** {@link #officeHours} naming the team's own {@link #hours}. */
    public static final String OWN_HOURS = "own";

    public Team {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(strategy, "strategy");
        members = List.copyOf(members);
        supervisors = List.copyOf(supervisors);
        Objects.requireNonNull(overflow, "overflow");
        Objects.requireNonNull(officeHours, "officeHours");
        Objects.requireNonNull(outOfHours, "outOfHours");
        Objects.requireNonNull(hours, "hours");
    }

    public Duration ringTime() {
        return Duration.ofSeconds(ringSeconds);
    }

    public Duration maxWait() {
        return Duration.ofSeconds(maxWaitSeconds);
    }
}
