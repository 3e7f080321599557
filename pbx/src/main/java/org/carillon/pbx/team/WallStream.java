package org.carillon.pbx.team;

import org.carillon.platform.web.EventHub;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The supervisor wall's server-sent events: one stream per open wall ({@code event: wall}, data the
 * {@link TeamStats.Wall} of one of its teams), pushed after every agent change and queue change of that team. Nothing
 * is computed while nobody watches.
 *
 * <p>Threads: thread-safe; publishing never blocks the caller ({@link EventHub}).
 */
@Component
public class WallStream {
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final EventHub hub = new EventHub("wall", TIMEOUT);
    private final TeamService teams;
    private final TeamStats stats;

    public WallStream(TeamService teams, TeamStats stats) {
        this.teams = teams;
        this.stats = stats;
    }

    /**
     * One stream for an open wall of {@code shown} teams (each event names its team); it starts with each team as it
     * is now (the page may be older).
     */
    public SseEmitter subscribe(List<Team> shown) {
        SseEmitter emitter = hub.subscribe(shown.stream().map(Team::id).collect(Collectors.toSet()));
        shown.forEach(t -> hub.publish(t.id(), stats.wall(t)));
        return emitter;
    }

    @EventListener
    public void onQueue(TeamQueueChanged change) {
        if (hub.subscriberCount() > 0) {
            teams.findById(change.teamId()).ifPresent(t -> hub.publish(t.id(), stats.wall(t)));
        }
    }

    @EventListener
    public void onAgent(AgentStateChanged change) {
        if (hub.subscriberCount() > 0) {
            teams.teamsOf(change.tenantId(), change.extension()).forEach(t -> hub.publish(t.id(), stats.wall(t)));
        }
    }
}
