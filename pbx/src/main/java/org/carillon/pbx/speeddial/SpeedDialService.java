package org.carillon.pbx.speeddial;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.routing.FeatureCodeService;
import org.carillon.pbx.routing.InvalidDialCodeException;
import org.carillon.pbx.routing.SpeedDialLookup;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * System and personal speed dials (SPEC §2.8), kept in memory for routing ({@link SpeedDialLookup}: a caller's
 * personal code wins over the system's). A code is 1 to 3 digits and is refused on save when it clashes with the
 * number plan (an extension or team number, a parking lot's park number or slot: {@link FeatureCodeService#numberPlanClash}), or, for a
 * personal code, with a system speed dial; the error names the clash.
 *
 * <p>Threads: thread-safe; lookups never block.
 */
@Service
public class SpeedDialService implements SpeedDialLookup, SmartInitializingSingleton {
    private static final Pattern CODE = Pattern.compile("[0-9]{1,3}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");
    private final SpeedDialStore store;
    private final FeatureCodeService plan;
    private final AuditTrail audit;
    /** "tenant:owner:code" → speed dial. */
    private final ConcurrentHashMap<String, SpeedDial> byKey = new ConcurrentHashMap<>();

    public SpeedDialService(SpeedDialStore store, FeatureCodeService plan, AuditTrail audit) {
        this.store = store;
        this.plan = plan;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.all().forEach(s -> byKey.put(key(s.tenantId(), s.owner(), s.code()), s));
    }

    @Override
    public Optional<String> find(long tenantId, String caller, String code) {
        SpeedDial s = byKey.get(key(tenantId, caller, code));
        if (s == null) {
            s = byKey.get(key(tenantId, "", code));
        }
        return Optional.ofNullable(s).map(SpeedDial::number);
    }

    @Override
    public Set<String> codes(long tenantId) {
        Set<String> codes = new HashSet<>();
        byKey.values().stream().filter(s -> s.tenantId() == tenantId).forEach(s -> codes.add(s.code()));
        return codes;
    }

    /** The system speed dials ({@code owner} empty) or an extension's personal ones, by code. */
    public List<SpeedDial> list(long tenantId, String owner) {
        return byKey.values().stream().filter(s -> s.tenantId() == tenantId && s.owner().equals(owner))
                .sorted(Comparator.comparingInt((SpeedDial s) -> s.code().length()).thenComparing(SpeedDial::code))
                .toList();
    }

    /**
     * Adds or replaces a speed dial.
     *
     * @param owner   empty for a system speed dial, else the extension number (the caller checked the actor may)
     * @param replace true to change an existing code; false refuses a code already in use
     * @throws InvalidDialCodeException naming the field ({@code code}, {@code number}, {@code label}) and the clash
     */
    @Transactional
    public SpeedDial save(long tenantId, String owner, String code, String number, String label, boolean replace,
                          String actor, String source) {
        String c = code == null ? "" : code.strip();
        String n = number == null ? "" : number.strip().replace(" ", "");
        String l = label == null ? "" : label.strip();
        List<ApiProblem.FieldError> problems = new ArrayList<>();
        if (!CODE.matcher(c).matches()) {
            problems.add(new ApiProblem.FieldError("code", "Use 1 to 3 digits."));
        } else {
            plan.numberPlanClash(tenantId, c).ifPresent(m -> problems.add(new ApiProblem.FieldError("code", m)));
            SpeedDial same = byKey.get(key(tenantId, owner, c));
            if (!replace && same != null && problems.isEmpty()) {
                problems.add(taken(c, "speed dial ", same));
            }
            SpeedDial system = owner.isEmpty() ? null : byKey.get(key(tenantId, "", c));
            if (system != null && problems.isEmpty()) {
                problems.add(taken(c, "system speed dial ", system));
            }
        }
        if (!NUMBER.matcher(n).matches()) {
            problems.add(new ApiProblem.FieldError("number", "Enter the number to call: digits, *, # (up to 32)."));
        } else if (n.startsWith(plan.codes(tenantId).speedDial())) {
            problems.add(new ApiProblem.FieldError("number", "A speed dial cannot call another speed dial."));
        }
        if (l.length() > 100) {
            problems.add(new ApiProblem.FieldError("label", "Use at most 100 characters."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDialCodeException(problems);
        }
        SpeedDial s = new SpeedDial(tenantId, owner, c, n, l);
        SpeedDial old = byKey.get(key(tenantId, owner, c));
        store.put(s);
        byKey.put(key(tenantId, owner, c), s);
        audit.recordChange(actor, source, "speed_dial_saved", "speed_dial", (owner.isEmpty() ? "system" : owner) + ":"
                + c, "", old == null ? Map.of() : AuditTrail.state(old), AuditTrail.state(s));
        return s;
    }

    /** @return false when there is no such speed dial */
    @Transactional
    public boolean delete(long tenantId, String owner, String code, String actor, String source) {
        boolean gone = store.delete(tenantId, owner, code);
        SpeedDial old = byKey.remove(key(tenantId, owner, code));
        if (gone) {
            audit.recordChange(actor, source, "speed_dial_deleted", "speed_dial", (owner.isEmpty() ? "system" : owner)
                    + ":" + code, "", old == null ? Map.of("code", code) : AuditTrail.state(old), Map.of());
        }
        return gone;
    }

    /** An extension's personal speed dials go with it. */
    @EventListener
    public void onExtensionRemoved(ExtensionRemoved removed) {
        store.deleteOwner(removed.tenantId(), removed.number());
        byKey.values().removeIf(s -> s.tenantId() == removed.tenantId() && s.owner().equals(removed.number()));
    }

    /** "12 is already the speed dial "Reception"." (the number when it has no label) */
    private static ApiProblem.FieldError taken(String code, String what, SpeedDial by) {
        return new ApiProblem.FieldError("code", code + " is already the " + what
                + (by.label().isEmpty() ? by.number() : "\"" + by.label() + "\"") + ".");
    }

    private static String key(long tenantId, String owner, String code) {
        return tenantId + ":" + owner + ":" + code;
    }
}
