package org.carillon.pbx.team;

import org.carillon.pbx.call.CallApplication;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * A call to a team number ({@code team} destinations): the caller is answered, hears music on hold and waits in the
 * team's {@link TeamQueue}. Returns at once; the queue drives the caller from then on. While the team's office hours
 * say closed ({@link TeamHours}) the caller is sent on unanswered, and the call history says why.
 */
@Component
public class TeamApplication implements CallApplication {
    private final TeamService teams;
    private final TeamQueue queue;
    private final TeamHours hours;
    private final Clock clock;

    public TeamApplication(TeamService teams, TeamQueue queue, TeamHours hours, Clock clock) {
        this.teams = teams;
        this.queue = queue;
        this.hours = hours;
        this.clock = clock;
    }

    @Override
    public Destination.Type type() {
        return Destination.Type.TEAM;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        var team = teams.find(caller.tenantId(), destination.target());
        if (team.isEmpty()) {
            caller.hangUp(404); // deleted between routing and now
            return;
        }
        var closed = hours.closed(team.get(), clock.instant());
        if (closed.isPresent()) {
            caller.redirect(closed.get().to(), closed.get().why());
            return;
        }
        caller.answer();
        queue.join(team.get(), new Waiter(caller.tenantId(), team.get().id(), caller, clock.instant()));
    }
}
