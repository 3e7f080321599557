package org.carillon.pbx.team;

import org.carillon.pbx.schedule.TeamMembers;
import org.springframework.stereotype.Component;

import java.util.List;

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
}
