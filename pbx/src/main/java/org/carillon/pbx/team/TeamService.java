package org.carillon.pbx.team;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.MusicOnHold;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.ReservedNumbers;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.schedule.ScheduleInput;
import org.carillon.pbx.schedule.ScheduleLoops;
import org.carillon.pbx.schedule.ScheduleService;
import org.carillon.pbx.schedule.WeeklyHours;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams of a tenant: validated create, replace and delete (written to the audit log), and a cache the router and the
 * queue read without touching the database.
 *
 * <p>Threads: thread-safe. Reads never block; writes are serialised (one lock) so number assignment cannot race.
 */
@Service
public class TeamService implements SmartInitializingSingleton {
    static final int LOW = 600;
    static final int HIGH = 699;
    private static final List<Destination.Type> OVERFLOW_TYPES = List.of(Destination.Type.EXTENSION,
            Destination.Type.VOICEMAIL, Destination.Type.TEAM, Destination.Type.PROMPT, Destination.Type.HANGUP);

    private final TeamStore store;
    private final DeviceDirectory devices;
    private final AgentService agents;
    private final AuditTrail audit;
    private final ObjectProvider<ScheduleService> schedules;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Long, Team> byId = new ConcurrentHashMap<>();

    private final ObjectProvider<ReservedNumbers> reserved;

    public TeamService(TeamStore store, DeviceDirectory devices, AgentService agents, AuditTrail audit,
                       ObjectProvider<ScheduleService> schedules, TransactionTemplate tx, Clock clock,
                       ObjectProvider<ReservedNumbers> reserved) {
        this.store = store;
        this.reserved = reserved;
        this.devices = devices;
        this.agents = agents;
        this.audit = audit;
        this.schedules = schedules;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.all().forEach(t -> byId.put(t.id(), t));
    }

    /** The teams of a tenant by number. */
    public List<Team> list(long tenantId) {
        return byId.values().stream().filter(t -> t.tenantId() == tenantId)
                .sorted(Comparator.comparing(Team::number)).toList();
    }

    public Optional<Team> find(long tenantId, String number) {
        return byId.values().stream().filter(t -> t.tenantId() == tenantId && t.number().equals(number)).findFirst();
    }

    Optional<Team> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws TeamNotFoundException when the tenant has no such team */
    public Team require(long tenantId, String number) {
        return find(tenantId, number).orElseThrow(() -> new TeamNotFoundException("no team " + number));
    }

    /** The teams an extension belongs to as a member. */
    public List<Team> teamsOf(long tenantId, String extension) {
        return list(tenantId).stream().filter(t -> t.members().contains(extension)).toList();
    }

    public boolean exists(long tenantId, String number) {
        return find(tenantId, number).isPresent();
    }

    /** @throws InvalidTeamException naming every invalid field */
    public synchronized Team create(long tenantId, TeamInput in, Actor actor) {
        Team t = validated(tenantId, Optional.empty(), in);
        long id = tx.execute(s -> store.insert(t, clock.instant()));
        Team saved = copy(t, id);
        byId.put(id, saved);
        agents.join(tenantId, saved.members(), actor.email());
        audit.recordChange(actor.email(), actor.source(), "team.create", "team", saved.number(), "", Map.of(),
                state(saved));
        return saved;
    }

    /** Replaces every field of team {@code number}. @throws InvalidTeamException, TeamNotFoundException */
    public synchronized Team replace(long tenantId, String number, TeamInput in, Actor actor) {
        Team old = require(tenantId, number);
        Team t = copy(validated(tenantId, Optional.of(old), in), old.id());
        tx.executeWithoutResult(s -> store.update(t));
        byId.put(t.id(), t);
        agents.join(tenantId, t.members(), actor.email());
        audit.recordChange(actor.email(), actor.source(), "team.update", "team", t.number(), "",
                state(old), state(t));
        return t;
    }

    public synchronized void delete(long tenantId, String number, Actor actor) {
        Team t = require(tenantId, number);
        store.delete(tenantId, t.id());
        byId.remove(t.id());
        audit.recordChange(actor.email(), actor.source(), "team.delete", "team", number, "", state(t),
                Map.of());
    }

    /** A deleted extension leaves every team it was in. */
    @EventListener
    public synchronized void onExtensionRemoved(ExtensionRemoved removed) {
        for (Team t : list(removed.tenantId())) {
            if (t.members().contains(removed.number()) || t.supervisors().contains(removed.number())) {
                Team changed = new Team(t.id(), t.tenantId(), t.name(), t.number(), t.strategy(),
                        t.members().stream().filter(m -> !m.equals(removed.number())).toList(),
                        t.supervisors().stream().filter(m -> !m.equals(removed.number())).toList(), t.ringSeconds(),
                        t.maxWaitSeconds(), t.wrapUpSeconds(), t.announceSeconds(), t.musicOnHold(),
                        t.serviceLevelSeconds(), t.overflow(), t.officeHours(), t.outOfHours(), t.hours(),
                t.exemptFromGlobalHolidays());
                tx.executeWithoutResult(s -> store.update(changed));
                byId.put(t.id(), changed);
            }
        }
    }

    /** A team for the audit log, its own hours as the API writes them ({@code monday: ["08:00-20:00"]}). */
    private static Map<String, Object> state(Team t) {
        Map<String, Object> state = AuditTrail.state(t);
        state.put("hours", ScheduleInput.wire(t.hours()));
        return state;
    }

    private static Team copy(Team t, long id) {
        return new Team(id, t.tenantId(), t.name(), t.number(), t.strategy(), t.members(), t.supervisors(),
                t.ringSeconds(), t.maxWaitSeconds(), t.wrapUpSeconds(), t.announceSeconds(), t.musicOnHold(),
                t.serviceLevelSeconds(), t.overflow(), t.officeHours(), t.outOfHours(), t.hours(),
                t.exemptFromGlobalHolidays());
    }

    private Team validated(long tenantId, Optional<Team> old, TeamInput in) {
        List<ApiProblem.FieldError> p = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().trim();
        if (name.isEmpty()) {
            p.add(problem("name", "Enter a name."));
        } else if (name.length() > 100) {
            p.add(problem("name", "At most 100 characters."));
        }
        String number = in.number().map(String::trim).filter(s -> !s.isEmpty())
                .or(() -> old.map(Team::number)).orElse("");
        if (number.isEmpty()) {
            number = nextFree(tenantId).orElse("");
            if (number.isEmpty()) {
                p.add(problem("number", "Every team number from " + LOW + " to " + HIGH + " is taken."));
            }
        } else if (!number.matches("\\d{3}") || Integer.parseInt(number) < LOW || Integer.parseInt(number) > HIGH) {
            p.add(problem("number", "Team numbers are " + LOW + " to " + HIGH + "."));
        } else {
            String n = number;
            if (find(tenantId, n).filter(t -> old.map(o -> o.id() != t.id()).orElse(true)).isPresent()) {
                p.add(problem("number", "Team " + n + " exists already."));
            } else {
                reservedBy(tenantId, n).ifPresent(why -> p.add(problem("number", why)));
            }
        }
        if (in.strategy() == null) {
            p.add(problem("strategy", "Choose a ring strategy."));
        }
        List<String> members = extensions(tenantId, in.members(), "members", p);
        List<String> supervisors = extensions(tenantId, in.supervisors(), "supervisors", p);
        int ring = range(in.ringSeconds(), TeamInput.DEFAULT_RING, 5, 120, "ringSeconds", p);
        int maxWait = range(in.maxWaitSeconds(), TeamInput.DEFAULT_MAX_WAIT, 5, 3600, "maxWaitSeconds", p);
        int wrapUp = range(in.wrapUpSeconds(), TeamInput.DEFAULT_WRAP_UP, 0, 600, "wrapUpSeconds", p);
        int announce = range(in.announceSeconds(), 0, 0, 600, "announceSeconds", p);
        if (announce > 0 && announce < 10) {
            p.add(problem("announceSeconds", "0 (never) or at least 10."));
        }
        int level = range(in.serviceLevelSeconds(), TeamInput.DEFAULT_SERVICE_LEVEL, 1, 600, "serviceLevelSeconds", p);
        String moh = MusicOnHold.normalised(in.musicOnHold());
        MusicOnHold.problem(tenantId, moh).ifPresent(m -> p.add(problem("musicOnHold", m)));
        Optional<Destination> overflow = in.overflow() == null ? Optional.empty() : in.overflow();
        if (overflow.isPresent()) {
            checkOverflow(tenantId, overflow.get(), number, "overflow", p);
        }
        String office = in.officeHours() == null ? "" : in.officeHours().trim();
        if (!office.isEmpty() && !office.equals(Team.GLOBAL_HOURS) && !office.equals(Team.OWN_HOURS)) {
            p.add(problem("officeHours", "Leave empty (always open), enter " + Team.GLOBAL_HOURS
                    + " (the tenant's office hours, breaks and holidays) or " + Team.OWN_HOURS
                    + " (the team's own hours)."));
        }
        WeeklyHours hours = WeeklyHours.none();
        boolean exempt = in.exemptFromGlobalHolidays() != null && in.exemptFromGlobalHolidays();
        if (office.equals(Team.OWN_HOURS)) {
            List<ApiProblem.FieldError> errors = new ArrayList<>();
            hours = ScheduleInput.hours("hours", in.hours(), errors);
            errors.forEach(e -> p.add(problem(e.field(), e.message())));
            if (errors.isEmpty() && hours.isEmpty()) {
                p.add(problem("hours", "Enter the team's hours on at least one weekday, e.g. 08:00-20:00."));
            }
        } else if (in.hours() != null && !in.hours().isEmpty()) {
            p.add(problem("hours", "Own hours need office hours " + Team.OWN_HOURS + "."));
        } else if (exempt) {
            p.add(problem("exemptFromGlobalHolidays", "Only a team with its own hours can be exempt."));
        }
        Optional<Destination> outOfHours = in.outOfHours() == null ? Optional.empty() : in.outOfHours();
        if (outOfHours.isPresent()) {
            checkOverflow(tenantId, outOfHours.get(), number, "outOfHours", p);
        }
        if (!p.isEmpty()) {
            throw new InvalidTeamException(p);
        }
        refuseLoops(tenantId, old, number, office, overflow, outOfHours);
        return new Team(0, tenantId, name, number, in.strategy(), members, supervisors, ring, maxWait, wrapUp,
                announce, moh, level, overflow, office, outOfHours, hours, exempt);
    }

    /**
     * Refuses out-of-hours and overflow destinations that lead back to the team through other teams' (team A closed →
     * team B → team A), the way schedule and profile saves refuse theirs ({@link ScheduleLoops}). A team with office
     * hours but no out-of-hours destination of its own sends callers to the tenant's action, which counts too.
     * Conservative like them: a chain counts even when the teams are never closed at the same time, because hours
     * change.
     *
     * @throws InvalidTeamException naming {@code outOfHours.target} or {@code overflow.target} and the loop
     */
    private void refuseLoops(long tenantId, Optional<Team> old, String number, String officeHours,
                             Optional<Destination> overflow, Optional<Destination> outOfHours) {
        List<Destination> global = schedules.getIfAvailable() == null ? List.of()
                : schedules.getIfAvailable().tenantActions(tenantId);
        Map<String, List<Destination>> graph = new HashMap<>();
        for (Team t : list(tenantId)) {
            if (old.map(o -> o.id() != t.id()).orElse(true)) {
                graph.put("team " + t.number(), sends(t.number(), t.officeHours(), t.outOfHours(), t.overflow(),
                        global));
            }
        }
        String self = "team " + number;
        graph.put(self, sends(number, officeHours, outOfHours, overflow, global));
        ScheduleLoops.findThrough(self, graph, team -> List.of()).ifPresent(loop -> {
            String next = loop.get(1);
            boolean viaOverflow = overflow.filter(d -> d.type() == Destination.Type.TEAM)
                    .filter(d -> next.equals("team " + d.target().trim())).isPresent();
            boolean viaOutOfHours = outOfHours.filter(d -> d.type() == Destination.Type.TEAM)
                    .filter(d -> next.equals("team " + d.target().trim())).isPresent();
            String field = viaOverflow && !viaOutOfHours ? "overflow.target" : "outOfHours.target";
            String how = viaOverflow || viaOutOfHours ? ""
                    : " (through the global Non-Office-Hours or Break-Time Action: give the team its own out-of-hours"
                    + " destination)";
            throw new InvalidTeamException(List.of(problem(field, "Would send callers in a loop: "
                    + ScheduleLoops.describe(loop) + how + ".")));
        });
    }

    /**
     * Where a team sends callers on to, teams only (they are what can lead back to a team): its out-of-hours
     * destination, else (with office hours) the tenant's actions as {@link TeamHours} applies them, and its overflow.
     */
    static List<Destination> sends(String number, String officeHours, Optional<Destination> outOfHours,
                                           Optional<Destination> overflow, List<Destination> global) {
        List<Destination> out = new ArrayList<>();
        if (outOfHours.isPresent()) {
            out.add(outOfHours.get());
        } else if (officeHours.equals(Team.GLOBAL_HOURS)) {
            out.addAll(global);
        } else if (officeHours.equals(Team.OWN_HOURS) && !global.isEmpty()) {
            out.add(global.getFirst()); // own hours have no break hours
        }
        overflow.ifPresent(out::add);
        return out.stream().filter(d -> d.type() == Destination.Type.TEAM)
                .map(d -> new Destination(d.type(), d.target().trim()))
                .filter(d -> !d.target().equals(number)) // the tenant's action naming the team itself: its overflow
                .toList();
    }

    /** Checks an overflow or out-of-hours destination ({@code field}: its JSON name). */
    private void checkOverflow(long tenantId, Destination d, String number, String field,
                               List<ApiProblem.FieldError> p) {
        if (!OVERFLOW_TYPES.contains(d.type())) {
            p.add(problem(field + ".type", "A team sends callers to an extension, voicemail, another team, a prompt "
                    + "or hang-up."));
            return;
        }
        String target = d.target().trim();
        switch (d.type()) {
            case EXTENSION, VOICEMAIL -> {
                if (devices.findByNumber(tenantId, target).isEmpty()) {
                    p.add(problem(field + ".target", "No extension " + target + "."));
                }
            }
            case TEAM -> {
                if (target.equals(number)) {
                    p.add(problem(field + ".target", "A team cannot send its callers to itself."));
                } else if (!exists(tenantId, target)) {
                    p.add(problem(field + ".target", "No team " + target + "."));
                }
            }
            case PROMPT -> {
                if (org.carillon.media.play.Prompts.find(target).isEmpty()) {
                    p.add(problem(field + ".target", "No prompt " + target + "."));
                }
            }
            default -> {
            }
        }
    }

    private List<String> extensions(long tenantId, List<String> numbers, String field,
                                    List<ApiProblem.FieldError> p) {
        List<String> out = new ArrayList<>();
        var seen = new HashSet<String>();
        for (String raw : numbers == null ? List.<String>of() : numbers) {
            String n = raw == null ? "" : raw.trim();
            if (devices.findByNumber(tenantId, n).isEmpty()) {
                p.add(problem(field, "No extension " + n + "."));
            } else if (!seen.add(n)) {
                p.add(problem(field, "Extension " + n + " is listed twice."));
            } else {
                out.add(n);
            }
        }
        return out;
    }

    private static int range(Integer value, int dflt, int low, int high, String field,
                             List<ApiProblem.FieldError> p) {
        int v = value == null ? dflt : value;
        if (v < low || v > high) {
            p.add(problem(field, "Between " + low + " and " + high + " seconds."));
        }
        return v;
    }

    private Optional<String> nextFree(long tenantId) {
        for (int n = LOW; n <= HIGH; n++) {
            if (!exists(tenantId, Integer.toString(n)) && reservedBy(tenantId, Integer.toString(n)).isEmpty()) {
                return Optional.of(Integer.toString(n));
            }
        }
        return Optional.empty();
    }

    /** Why {@code number} belongs to another feature (a parking lot), if it does. */
    private Optional<String> reservedBy(long tenantId, String number) {
        return reserved.orderedStream().map(r -> r.reservedBy(tenantId, number)).flatMap(Optional::stream)
                .findFirst();
    }

    private static ApiProblem.FieldError problem(String field, String message) {
        return new ApiProblem.FieldError(field, message);
    }
}
