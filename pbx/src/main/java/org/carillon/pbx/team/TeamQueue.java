package org.carillon.pbx.team;

import org.carillon.media.play.ClipSource;
import org.carillon.media.play.Prompts;
import org.carillon.pbx.call.ActiveCallsChanged;
import org.carillon.pbx.call.CallState;
import org.carillon.pbx.call.CallMedia;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.OfferOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The waiting queues of every team: callers wait in arrival order hearing music on hold; whenever something changes (a
 * caller joins, an offer ends, an agent becomes ready) each waiting caller not being offered is matched with agents by
 * the team's strategy, skipping the agents that already let this caller ring out, and offered to them for the team's
 * ring time. An agent rings for one caller at a time. After the maximum wait the caller goes to the overflow
 * destination; a caller who hangs up leaves the queue at once (abandoned). An answering agent's team call ends when the
 * agent leaves it — the call ends, or the agent blind-transfers the caller elsewhere (the call goes on without it).
 *
 * <p>Threads: thread-safe. One lock guards the queues and the ringing agents; it is never held while calling into a
 * call (work for a caller is handed to its executor) or into {@link AgentService}.
 */
@Component
public class TeamQueue {
    private final TeamService teams;
    private final AgentService agents;
    private final TeamCallStore calls;
    private final CallMedia media;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Object lock = new Object();
    private final Map<Long, List<Waiter>> queues = new LinkedHashMap<>();
    private final Set<String> ringing = new HashSet<>();
    private final Map<Long, String> lastOffered = new HashMap<>();
    /** Answered callers by call id, while their agent is on the call (the agent may leave before the call ends). */
    private final Map<String, Waiter> talking = new HashMap<>();
    private final PickTimer pickTimer = new PickTimer();

    public TeamQueue(TeamService teams, AgentService agents, TeamCallStore calls, CallMedia media,
                     ApplicationEventPublisher events, Clock clock) {
        this.teams = teams;
        this.agents = agents;
        this.calls = calls;
        this.media = media;
        this.events = events;
        this.clock = clock;
    }

    /** A caller waiting now. */
    public record Waiting(String caller, Instant since, Optional<String> ringing) {
    }

    /** The callers waiting in a team's queue, in order. */
    public List<Waiting> waiting(long teamId) {
        synchronized (lock) {
            return queues.getOrDefault(teamId, List.of()).stream().map(w -> new Waiting(w.caller.caller(), w.queuedAt,
                    w.ringing.isEmpty() ? Optional.empty() : Optional.of(String.join(",", w.ringing)))).toList();
        }
    }

    /** How long picking agents for a caller took (nanoseconds, p50/p99 of the last samples), for bench/teams. */
    public PickTimer pickTimer() {
        return pickTimer;
    }

    /** Puts an answered caller in {@code team}'s queue (call executor). */
    void join(Team team, Waiter w) {
        holdMusic(w);
        w.timers.add(w.caller.after(team.maxWait(), () -> overflow(w)));
        if (team.announceSeconds() > 0) {
            announceEvery(w, Duration.ofSeconds(team.announceSeconds()));
        }
        w.caller.onEnded(() -> ended(w));
        synchronized (lock) {
            queues.computeIfAbsent(team.id(), k -> new ArrayList<>()).add(w);
        }
        changed(w);
        dispatch();
    }

    private void holdMusic(Waiter w) {
        w.caller.play(List.of(new ClipSource(media.musicOnHold(), true)));
    }

    private void announceEvery(Waiter w, Duration every) {
        w.timers.add(w.caller.after(every, () -> {
            boolean waiting;
            synchronized (lock) {
                waiting = !w.left;
            }
            if (waiting) {
                w.caller.play(List.of(new ClipSource(Prompts.require("please-hold"), false),
                        new ClipSource(media.musicOnHold(), true)));
                announceEvery(w, every);
            }
        }));
    }

    /** Matches waiting callers with free agents; the offers start on each caller's executor. */
    void dispatch() {
        List<Runnable> work = new ArrayList<>();
        synchronized (lock) {
            for (var entry : queues.entrySet()) {
                Optional<Team> team = teams.findById(entry.getKey());
                if (team.isEmpty()) {
                    continue;
                }
                // most changes free nobody: then no waiting caller needs a look (200 waiting, 20 agents busy)
                Set<String> free = new HashSet<>();
                for (String m : team.get().members()) {
                    if (!ringing.contains(key(team.get().tenantId(), m)) && agents.find(team.get().tenantId(), m)
                            .filter(a -> a.state() == AgentState.READY).isPresent()) {
                        free.add(m);
                    }
                }
                for (Waiter w : entry.getValue()) {
                    if (free.isEmpty()) {
                        break;
                    }
                    if (!w.ringing.isEmpty() || w.left) {
                        continue;
                    }
                    List<String> pick = pick(team.get(), w);
                    free.removeAll(pick);
                    if (!pick.isEmpty()) {
                        w.ringing = pick;
                        pick.forEach(a -> ringing.add(key(w.tenantId, a)));
                        lastOffered.put(team.get().id(), pick.getLast());
                        Team t = team.get();
                        work.add(() -> w.caller.execute(() -> offer(t, w, pick)));
                    }
                }
            }
        }
        work.forEach(Runnable::run);
    }

    private List<String> pick(Team team, Waiter w) {
        long started = System.nanoTime();
        Set<String> busy = new HashSet<>();
        for (String m : team.members()) {
            if (ringing.contains(key(w.tenantId, m))) {
                busy.add(m);
            }
        }
        Set<String> excluded = new HashSet<>(busy);
        excluded.addAll(w.tried);
        var last = Optional.ofNullable(lastOffered.get(team.id()));
        List<String> pick = AgentPicker.pick(team, a -> agents.find(w.tenantId, a), excluded, last, random);
        if (pick.isEmpty() && !w.tried.isEmpty()) {
            // every ready agent let this caller ring out: start another round rather than wait for nobody
            pick = AgentPicker.pick(team, a -> agents.find(w.tenantId, a), busy, last, random);
            if (!pick.isEmpty()) {
                w.tried.clear();
            }
        }
        pickTimer.record(System.nanoTime() - started);
        return pick;
    }

    private void offer(Team team, Waiter w, List<String> pick) {
        boolean gone;
        synchronized (lock) {
            gone = w.left;
        }
        if (gone) {
            release(w, false);
            return;
        }
        try {
            w.offer = Optional.of(w.caller.offer(pick, team.ringTime(), o -> outcome(team, w, o)));
        } catch (IllegalStateException ended) {
            release(w, false);
            return;
        }
        changed(w);
    }

    private void outcome(Team team, Waiter w, OfferOutcome o) {
        w.offer = Optional.empty();
        if (o.result() != OfferOutcome.Result.ANSWERED) {
            release(w, true);
            return;
        }
        String agent = o.answeredBy().orElseThrow();
        w.answeredAt = clock.instant();
        w.cancelTimers();
        // in_call before the agent stops counting as ringing: no dispatch in between may offer it to someone else
        agents.callStarted(w.tenantId, agent);
        synchronized (lock) {
            w.agent = Optional.of(agent);
            w.left = true;
            talking.put(w.caller.id(), w);
            queues.getOrDefault(w.teamId, new ArrayList<>()).remove(w);
            w.ringing.forEach(a -> ringing.remove(key(w.tenantId, a)));
            w.ringing = List.of();
        }
        changed(w);
        dispatch();
    }

    /** The offer ended without an answer (or never started): free its agents and try again. */
    private void release(Waiter w, boolean skipThem) {
        synchronized (lock) {
            w.ringing.forEach(a -> ringing.remove(key(w.tenantId, a)));
            if (skipThem) {
                w.tried.addAll(w.ringing);
            }
            w.ringing = List.of();
        }
        changed(w);
        dispatch();
    }

    /** An agent left ready while ringing for a caller: that offer is withdrawn (it is not the agent's turn). */
    @EventListener
    public void onAgent(AgentStateChanged change) {
        if (change.state() != AgentState.READY) {
            List<Waiter> affected = new ArrayList<>();
            synchronized (lock) {
                if (ringing.contains(key(change.tenantId(), change.extension()))) {
                    for (List<Waiter> q : queues.values()) {
                        q.stream().filter(w -> w.tenantId == change.tenantId()
                                && w.ringing.contains(change.extension())).forEach(affected::add);
                    }
                }
            }
            for (Waiter w : affected) {
                w.caller.execute(() -> w.offer.ifPresent(offer -> {
                    if (offer.pending()) {
                        offer.cancel();
                        w.offer = Optional.empty();
                        release(w, false);
                    }
                }));
            }
            return;
        }
        dispatch();
    }

    private void overflow(Waiter w) {
        Team team;
        synchronized (lock) {
            if (w.left) {
                return;
            }
            w.left = true;
            queues.getOrDefault(w.teamId, new ArrayList<>()).remove(w);
            team = teams.findById(w.teamId).orElse(null);
        }
        // stop the ringing before its agents are free again: nobody may ring for two callers at once
        w.offer.ifPresent(CallerSession.OfferHandle::cancel);
        w.offer = Optional.empty();
        synchronized (lock) {
            w.ringing.forEach(a -> ringing.remove(key(w.tenantId, a)));
            w.ringing = List.of();
        }
        w.cancelTimers();
        log(w, TeamCallStore.Result.OVERFLOW, Optional.empty());
        changed(w);
        dispatch();
        Optional<Destination> to = team == null ? Optional.empty() : team.overflow();
        if (to.isEmpty() || to.get().type() == Destination.Type.HANGUP) {
            w.caller.hangUp(480);
        } else if (to.get().type() == Destination.Type.EXTENSION) {
            // the caller is answered already: the extension is offered (ringing it the usual way would send 180s)
            w.caller.offer(List.of(to.get().target()), team.maxWait(), o -> {
                if (o.result() != OfferOutcome.Result.ANSWERED) {
                    w.caller.hangUp(480);
                }
            });
        } else {
            w.caller.forward(to.get());
        }
    }

    /**
     * The answering agent left a call that goes on (it blind-transferred the caller): its team call is over, so it goes
     * to wrap-up (or ready) now rather than when the call ends. Runs on the call's executor, which publishes the event.
     */
    @EventListener
    public void onCall(ActiveCallsChanged change) {
        var call = change.call();
        if (call.state() == CallState.ENDED || call.legs() == null) {
            return; // the call's end is handled by ended()
        }
        Waiter w;
        synchronized (lock) {
            w = talking.get(call.id());
            if (w == null || w.agent.isEmpty() || call.legs().parties().contains(w.agent.get())) {
                return;
            }
            talking.remove(call.id());
        }
        agentDone(w, w.agent.get());
        changed(w);
        dispatch();
    }

    /** The agent's part of an answered team call is over: wrap-up by the team's rule, and the history row. */
    private void agentDone(Waiter w, String agent) {
        int wrapUp = teams.findById(w.teamId).map(Team::wrapUpSeconds).orElse(0);
        agents.callEnded(w.tenantId, agent, Duration.ofSeconds(wrapUp));
        log(w, TeamCallStore.Result.ANSWERED, Optional.of(agent));
    }

    /** The call ended (call executor): a waiting caller abandoned; an answered one's agent goes to wrap-up. */
    private void ended(Waiter w) {
        w.cancelTimers();
        boolean abandoned;
        synchronized (lock) {
            abandoned = !w.left;
            if (abandoned) {
                w.left = true;
                queues.getOrDefault(w.teamId, new ArrayList<>()).remove(w);
                w.ringing.forEach(a -> ringing.remove(key(w.tenantId, a)));
                w.ringing = List.of();
            }
        }
        Optional<String> agent;
        boolean agentStillOn;
        synchronized (lock) {
            agent = w.agent;
            // absent when the agent left the call before its end (onCall did the agent's part then)
            agentStillOn = talking.remove(w.caller.id()) != null;
        }
        if (agent.isPresent() && agentStillOn) {
            agentDone(w, agent.get());
        } else if (abandoned) {
            log(w, TeamCallStore.Result.ABANDONED, Optional.empty());
        }
        changed(w);
        dispatch();
    }

    private void log(Waiter w, TeamCallStore.Result result, Optional<String> agent) {
        Instant now = clock.instant();
        Instant waitEnd = w.answeredAt != null ? w.answeredAt : now;
        long talk = w.answeredAt != null ? Duration.between(w.answeredAt, now).toMillis() : 0;
        calls.insert(new TeamCallStore.Row(w.id, w.tenantId, w.teamId, w.caller.caller(), agent.orElse(""),
                w.queuedAt, Optional.ofNullable(w.answeredAt), now, result,
                Math.max(0, Duration.between(w.queuedAt, waitEnd).toMillis()), Math.max(0, talk)));
    }

    private void changed(Waiter w) {
        events.publishEvent(new TeamQueueChanged(w.tenantId, w.teamId));
    }

    private static String key(long tenantId, String extension) {
        return tenantId + ":" + extension;
    }
}
