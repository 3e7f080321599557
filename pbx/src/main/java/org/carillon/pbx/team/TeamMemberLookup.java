package org.carillon.pbx.team;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.TeamMembers;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The teams' side of {@link TeamMembers}: lets schedule and call-profile saves see loops that pass through a team
 * (extension → team → member extension). Reads the teams held in memory by {@link TeamService}.
 *
 * <p>Threads: thread-safe.
 */
@Component
class TeamMemberLookup implements TeamMembers {
    private final TeamService teams;

    TeamMemberLookup(TeamService teams) {
        this.teams = teams;
    }

    @Override
    public List<String> members(long tenantId, String team) {
        return teams.find(tenantId, team).map(Team::members).orElse(List.of());
    }

    @Override
    public Map<String, List<Destination>> edges(long tenantId, List<Destination> tenantActions) {
        Map<String, List<Destination>> edges = new HashMap<>();
        for (Team t : teams.list(tenantId)) {
            List<Destination> next = new ArrayList<>(t.members().stream().map(Destination::extension).toList());
            next.addAll(TeamService.sends(t.number(), t.officeHours(), t.outOfHours(), t.overflow(), tenantActions));
            edges.put("team " + t.number(), next);
        }
        return edges;
    }
}
