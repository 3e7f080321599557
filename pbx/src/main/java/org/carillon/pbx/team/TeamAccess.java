package org.carillon.pbx.team;

import org.carillon.pbx.extension.Actor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may see and change what of teams and agents (SPEC §2.9): Owner and Manager everything; a Supervisor the teams
 * listing its extension as supervisor, and their agents' states; everybody their own agent state.
 *
 * <p>Threads: thread-safe (reads the team cache).
 */
@Component
public class TeamAccess {
    private final TeamService teams;

    public TeamAccess(TeamService teams) {
        this.teams = teams;
    }

    /** May see the team (its wall and report). */
    public boolean sees(Actor actor, Team team) {
        return actor.admin() || actor.extension().filter(team.supervisors()::contains).isPresent();
    }

    /** The tenant's teams the actor sees (for lists and the wall). */
    public List<Team> visible(Actor actor, long tenantId) {
        return teams.list(tenantId).stream().filter(t -> sees(actor, t)).toList();
    }

    /**
     * Team {@code number} if the actor sees it.
     *
     * @throws TeamNotFoundException when there is none, or it is not the actor's (as if it did not exist)
     */
    public Team requireVisible(Actor actor, long tenantId, String number) {
        Team t = teams.require(tenantId, number);
        if (!sees(actor, t)) {
            throw new TeamNotFoundException("no team " + number);
        }
        return t;
    }

    /** May change the state of agent {@code extension}. */
    public boolean changesAgent(Actor actor, long tenantId, String extension) {
        return actor.admin() || actor.owns(extension) || teams.teamsOf(tenantId, extension).stream()
                .anyMatch(t -> sees(actor, t));
    }

    /** May see the agent list and the wall at all. */
    public boolean supervises(Actor actor, long tenantId) {
        return actor.admin() || teams.list(tenantId).stream().anyMatch(t -> sees(actor, t));
    }
}
