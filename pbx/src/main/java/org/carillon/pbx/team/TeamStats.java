package org.carillon.pbx.team;

import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the supervisor wall and the team report show: a team's agents and waiting callers now, today's answered and
 * abandoned counts with the service level, and per-day figures over a date range (in the tenant's time zone).
 *
 * <p>Threads: thread-safe; reads the database for the day figures. The wall's figures for today are kept per team
 * until the team logs another call (agent and queue changes, the wall's usual events, need no database read).
 */
@Component
public class TeamStats {
    private final AgentService agents;
    private final TeamQueue queue;
    private final TeamCallStore calls;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final Map<Long, Today> today = new ConcurrentHashMap<>();

    public TeamStats(AgentService agents, TeamQueue queue, TeamCallStore calls,
                     TenantDirectory tenants, Clock clock) {
        this.agents = agents;
        this.queue = queue;
        this.calls = calls;
        this.tenants = tenants;
        this.clock = clock;
    }

    public record AgentLine(String extension, String state, String label, String auxCode, long secondsInState,
                            String pending) {
    }

    public record WaitingLine(String caller, long waitSeconds, String ringing) {
    }

    /** One team on the wall. {@code serviceLevel}: percent answered within the team's threshold, -1 without calls. */
    public record Wall(String number, String name, String strategy, List<AgentLine> agents, List<WaitingLine> waiting,
                       long longestWaitSeconds, long answeredToday, long abandonedToday, int serviceLevel,
                       int serviceLevelSeconds) {
    }

    /** Today's figures of a team as of {@code writes} rows logged, for the zone and service level threshold. */
    private record Today(long writes, ZoneId zone, LocalDate day, int threshold, Day figures, long within) {
    }

    /** One day of the report; averages in seconds (0 without calls). */
    public record Day(LocalDate date, long answered, long abandoned, long overflowed, double averageWait,
                      double averageTalk) {
    }

    public Wall wall(Team team) {
        Instant now = clock.instant();
        List<AgentLine> lines = new ArrayList<>();
        for (String m : team.members()) {
            agents.find(team.tenantId(), m).ifPresent(a -> lines.add(new AgentLine(m, a.state().wire(),
                    a.state().label(), a.auxCode(), a.inState(now).toSeconds(),
                    a.pending().map(AgentState::wire).orElse(""))));
        }
        List<WaitingLine> waiting = queue.waiting(team.id()).stream().map(w -> new WaitingLine(w.caller(),
                Math.max(0, Duration.between(w.since(), now).toSeconds()), w.ringing().orElse(""))).toList();
        long longest = waiting.stream().mapToLong(WaitingLine::waitSeconds).max().orElse(0);
        Today t = today(team, now);
        long offered = t.figures().answered() + t.figures().abandoned();
        int level = offered == 0 ? -1 : (int) Math.round(100.0 * t.within() / offered);
        return new Wall(team.number(), team.name(), team.strategy().wire(), lines, waiting, longest,
                t.figures().answered(), t.figures().abandoned(), level, team.serviceLevelSeconds());
    }

    /** Today's figures and service level from one read of today's calls, or as kept while no call was logged since. */
    private Today today(Team team, Instant now) {
        long writes = calls.writes(team.id()); // before the read: a row logged meanwhile makes the next wall read again
        ZoneId zone = zone(team);
        LocalDate day = LocalDate.ofInstant(now, zone);
        int threshold = team.serviceLevelSeconds();
        Today kept = today.get(team.id());
        if (kept != null && kept.writes() == writes && kept.zone().equals(zone) && kept.day().equals(day)
                && kept.threshold() == threshold) {
            return kept;
        }
        var rows = calls.between(team.tenantId(), team.id(), day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        long within = rows.stream().filter(r -> r.result() == TeamCallStore.Result.ANSWERED
                && r.waitMillis() <= threshold * 1000L).count();
        Today fresh = new Today(writes, zone, day, threshold, day(day, rows), within);
        today.put(team.id(), fresh);
        return fresh;
    }

    /** Per day from {@code first} to {@code last} inclusive, every day listed even without calls. */
    public List<Day> days(Team team, LocalDate first, LocalDate last) {
        ZoneId zone = zone(team);
        var rows = calls.between(team.tenantId(), team.id(), first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
        Map<LocalDate, List<TeamCallStore.Row>> byDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        rows.forEach(r -> byDay.computeIfAbsent(LocalDate.ofInstant(r.queuedAt(), zone), k -> new ArrayList<>())
                .add(r));
        List<Day> out = new ArrayList<>();
        byDay.forEach((day, list) -> out.add(day(day, list)));
        return out;
    }

    private static Day day(LocalDate day, List<TeamCallStore.Row> list) {
        var answered = list.stream().filter(r -> r.result() == TeamCallStore.Result.ANSWERED).toList();
        long abandoned = list.stream().filter(r -> r.result() == TeamCallStore.Result.ABANDONED).count();
        long overflowed = list.stream().filter(r -> r.result() == TeamCallStore.Result.OVERFLOW).count();
        double wait = list.stream().mapToLong(TeamCallStore.Row::waitMillis).average().orElse(0) / 1000.0;
        double talk = answered.stream().mapToLong(TeamCallStore.Row::talkMillis).average().orElse(0) / 1000.0;
        return new Day(day, answered.size(), abandoned, overflowed, wait, talk);
    }

    private ZoneId zone(Team team) {
        return tenants.findById(team.tenantId()).map(t -> t.timeZone()).orElse(ZoneId.of("UTC"));
    }
}
