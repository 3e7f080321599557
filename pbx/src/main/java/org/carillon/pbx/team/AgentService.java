package org.carillon.pbx.team;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents' state machine ({@link AgentState}): one state per agent across all its teams. Every change is one
 * transition checked against the allowed ones, written with its history row in one transaction (compare-and-set on
 * the row's version), kept in memory for the queue, and published as {@link AgentStateChanged}.
 *
 * <p>Threads: thread-safe. Reads are lock-free (a concurrent map of immutable {@link Agent}s); transitions are
 * serialised by this object's lock and publish their event before releasing it, so listeners see one agent's changes
 * in order. Listeners must not call back into transitions. Wrap-up ends by the injected clock ({@link #sweep}).
 */
@Service
public class AgentService implements SmartInitializingSingleton {
    private static final List<AgentStore.AuxCode> DEFAULT_AUX = List.of(new AgentStore.AuxCode("lunch", "Lunch"),
            new AgentStore.AuxCode("meeting", "Meeting"), new AgentStore.AuxCode("training", "Training"));

    private final AgentStore store;
    private final org.carillon.pbx.audit.AuditTrail audit;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<Key, Agent> agents = new ConcurrentHashMap<>();

    private record Key(long tenantId, String extension) {
    }

    public AgentService(AgentStore store, org.carillon.pbx.audit.AuditTrail audit, TransactionTemplate tx,
                        ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** Loads the agents; calls do not survive a restart, so nobody stays in a call or its wrap-up. */
    @Override
    public synchronized void afterSingletonsInstantiated() {
        for (Agent a : store.all()) {
            agents.put(new Key(a.tenantId(), a.extension()), a);
            if (a.state() == AgentState.IN_CALL || a.state() == AgentState.WRAP_UP) {
                transition(a, AgentState.READY, "", "system", Optional.empty());
            }
        }
    }

    public Optional<Agent> find(long tenantId, String extension) {
        return Optional.ofNullable(agents.get(new Key(tenantId, extension)));
    }

    /** @throws TeamNotFoundException when the extension is no agent (member of no team, ever) */
    public Agent require(long tenantId, String extension) {
        return find(tenantId, extension).orElseThrow(() -> new TeamNotFoundException("no agent " + extension));
    }

    public List<Agent> list(long tenantId) {
        return agents.values().stream().filter(a -> a.tenantId() == tenantId)
                .sorted(Comparator.comparing(Agent::extension)).toList();
    }

    public List<AgentStore.Change> history(long tenantId, String extension, int limit) {
        return store.history(tenantId, extension, limit);
    }

    /** The tenant's break reasons (three defaults until it saves its own list). */
    public List<AgentStore.AuxCode> auxCodes(long tenantId) {
        List<AgentStore.AuxCode> codes = store.auxCodes(tenantId);
        return codes.isEmpty() ? DEFAULT_AUX : codes;
    }

    /** @throws AgentStateException for a malformed or duplicated code */
    public void replaceAuxCodes(long tenantId, List<AgentStore.AuxCode> codes,
                                org.carillon.pbx.extension.Actor actor) {
        var seen = new java.util.HashSet<String>();
        for (AgentStore.AuxCode c : codes) {
            if (c.code() == null || !c.code().matches("[a-z0-9_-]{1,32}")) {
                throw new AgentStateException("code", "Aux codes are 1-32 of a-z, 0-9, _ and -.");
            }
            if (c.label() == null || c.label().isBlank() || c.label().length() > 100) {
                throw new AgentStateException("label", "Each aux code needs a label of at most 100 characters.");
            }
            if (!seen.add(c.code())) {
                throw new AgentStateException("code", "Aux code " + c.code() + " is listed twice.");
            }
        }
        List<AgentStore.AuxCode> before = auxCodes(tenantId);
        tx.executeWithoutResult(s -> {
            store.replaceAuxCodes(tenantId, codes);
            audit.recordChange(actor.email(), actor.source(), "team.aux_codes", "aux_code", Long.toString(tenantId),
                    "", Map.of("codes", auxLabels(before)), Map.of("codes", auxLabels(codes)));
        });
    }

    /** Aux codes as the audit log shows them: code → label, in order. */
    private static Map<String, String> auxLabels(List<AgentStore.AuxCode> codes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        codes.forEach(c -> out.put(c.code(), c.label()));
        return out;
    }

    /** A deleted extension is no agent any more (a new extension with its number starts afresh). */
    @org.springframework.context.event.EventListener
    public synchronized void onExtensionRemoved(org.carillon.pbx.extension.ExtensionRemoved removed) {
        if (agents.remove(new Key(removed.tenantId(), removed.number())) != null) {
            tx.executeWithoutResult(s -> store.delete(removed.tenantId(), removed.number()));
        }
    }

    /** Members new to every team start ready; an existing agent keeps its state. */
    synchronized void join(long tenantId, List<String> members, String by) {
        Instant now = clock.instant();
        for (String m : members) {
            Key k = new Key(tenantId, m);
            if (!agents.containsKey(k)) {
                Agent a = new Agent(tenantId, m, AgentState.READY, "", now, now, Optional.empty(), Optional.empty(), "",
                        0);
                tx.executeWithoutResult(s -> {
                    store.insert(a);
                    store.history(tenantId, new AgentStore.Change(m, AgentState.LOGGED_OUT, AgentState.READY, "", now,
                            by));
                });
                agents.put(k, a);
                events.publishEvent(new AgentStateChanged(tenantId, m, a.state(), a));
            }
        }
    }

    /**
     * What a person asks for ({@code ready}, {@code break}, {@code logged_out}). While in a call the request is kept
     * and applied when the call ends; asking for the current state again changes nothing.
     *
     * @throws AgentStateException when the state is not one a person may ask for, the transition is not allowed, or
     *                             the aux code is unknown
     * @throws TeamNotFoundException when the extension is no agent
     */
    /**
     * {@link #request} made through the web or the API: a change a supervisor or admin makes to another user's agent
     * is an audit line ({@code agent.state}) with the state and aux code before and after; the agent's own changes
     * are in the state history only.
     */
    public synchronized Agent request(long tenantId, String extension, AgentState target, Optional<String> auxCode,
                                      org.carillon.pbx.extension.Actor actor) {
        Agent before = require(tenantId, extension);
        Agent after = request(tenantId, extension, target, auxCode, actor.email());
        if (!actor.owns(extension) && after != before) {
            audit.recordChange(actor.email(), actor.source(), "agent.state", "agent", extension, "",
                    agentState(before), agentState(after));
        }
        return after;
    }

    private static Map<String, Object> agentState(Agent a) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("state", a.state().wire());
        out.put("auxCode", a.auxCode());
        out.put("pending", a.pending().map(AgentState::wire).orElse(""));
        return out;
    }

    public synchronized Agent request(long tenantId, String extension, AgentState target, Optional<String> auxCode,
                                      String by) {
        if (target == null || !target.requestable()) {
            throw new AgentStateException("state", "Ask for ready, break or logged_out.");
        }
        String aux = auxCode.map(String::trim).orElse("");
        if (target != AgentState.BREAK && !aux.isEmpty()) {
            throw new AgentStateException("auxCode", "Only a break has an aux code.");
        }
        if (!aux.isEmpty() && auxCodes(tenantId).stream().noneMatch(c -> c.code().equals(aux))) {
            throw new AgentStateException("auxCode", "Unknown aux code " + aux + ".");
        }
        Agent a = require(tenantId, extension);
        if (a.state() == AgentState.IN_CALL) {
            Agent pending = a.withPending(target, aux);
            agents.put(new Key(tenantId, extension), pending);
            events.publishEvent(new AgentStateChanged(tenantId, extension, pending.state(), pending));
            return pending;
        }
        if (a.state() == target && (target != AgentState.BREAK || a.auxCode().equals(aux))) {
            return a;
        }
        return transition(a, target, aux, by, Optional.empty());
    }

    /** A team call was answered by the agent. */
    synchronized Agent callStarted(long tenantId, String extension) {
        Agent a = require(tenantId, extension);
        if (a.state() == AgentState.IN_CALL) {
            return a;
        }
        // the agent went on break or logged out while its phone rang: the call goes on, the change waits for its end
        boolean keep = a.state() == AgentState.BREAK || a.state() == AgentState.LOGGED_OUT;
        Agent next = transition(a, AgentState.IN_CALL, "", "system", Optional.empty());
        if (keep) {
            next = next.withPending(a.state(), a.auxCode());
            agents.put(new Key(tenantId, extension), next);
        }
        return next;
    }

    /** The agent's team call ended: a pending request, else wrap-up for {@code wrapUp}, else ready. */
    synchronized Agent callEnded(long tenantId, String extension, Duration wrapUp) {
        Agent a = require(tenantId, extension);
        if (a.state() != AgentState.IN_CALL) {
            return a;
        }
        if (a.pending().isPresent()) {
            return transition(a, a.pending().get(), a.pendingAux(), "system", Optional.empty());
        }
        if (wrapUp.isZero()) {
            return transition(a, AgentState.READY, "", "system", Optional.empty());
        }
        return transition(a, AgentState.WRAP_UP, "", "system", Optional.of(clock.instant().plus(wrapUp)));
    }

    /** Ends wrap-ups whose time is over (by the injected clock). */
    @Scheduled(fixedDelay = 250, initialDelay = 1000)
    public synchronized void sweep() {
        Instant now = clock.instant();
        for (Agent a : List.copyOf(agents.values())) {
            if (a.state() == AgentState.WRAP_UP && a.wrapUpUntil().map(u -> !u.isAfter(now)).orElse(true)) {
                transition(a, AgentState.READY, "", "system", Optional.empty());
            }
        }
    }

    private Agent transition(Agent a, AgentState to, String aux, String by, Optional<Instant> until) {
        if (!a.state().allows(to)) {
            throw new AgentStateException("state", "An agent cannot go from " + a.state().wire() + " to " + to.wire()
                    + ".", true);
        }
        Instant now = clock.instant();
        Agent next = a.to(to, aux, now, until);
        boolean written = Boolean.TRUE.equals(tx.execute(s -> {
            if (!store.update(a, next)) {
                s.setRollbackOnly();
                return false;
            }
            store.history(a.tenantId(), new AgentStore.Change(a.extension(), a.state(), to, next.auxCode(), now, by));
            return true;
        }));
        if (!written) {
            throw new IllegalStateException("agent " + a.extension() + " changed behind the service's back");
        }
        agents.put(new Key(a.tenantId(), a.extension()), next);
        events.publishEvent(new AgentStateChanged(a.tenantId(), a.extension(), to, next));
        return next;
    }
}
