package org.carillon.pbx.routing;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Each tenant's dial codes (SPEC §2.10): the CONTRACTS.md defaults unless the admin changed them. Kept in memory so
 * routing never touches the database; saved only when every code is well-formed and nothing clashes:
 * two features never share a code, no code starts with a prefix code ({@code **}, {@code *76}, {@code *0}) of
 * another feature (the dialled string would be ambiguous), and existing speed dials keep working.
 *
 * <p>Threads: thread-safe; {@link #codes} never blocks.
 */
@Service
public class FeatureCodeService implements SmartInitializingSingleton {
    private static final Pattern CODE = Pattern.compile("\\*[0-9*#]{1,5}");
    private final FeatureCodeStore store;
    private final ObjectProvider<SpeedDialLookup> speedDials;
    private final AuditTrail audit;
    private final ObjectProvider<ParkingLotLookup> lots;
    private final ConcurrentHashMap<Long, FeatureCodes> byTenant = new ConcurrentHashMap<>();

    public FeatureCodeService(FeatureCodeStore store, ObjectProvider<SpeedDialLookup> speedDials, AuditTrail audit,
                              ObjectProvider<ParkingLotLookup> lots) {
        this.store = store;
        this.lots = lots;
        this.speedDials = speedDials;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.all().forEach((tenant, overrides) -> byTenant.put(tenant,
                Feature.build(f -> overrides.getOrDefault(f, f.defaultCode()))));
    }

    /** The tenant's codes now. */
    public FeatureCodes codes(long tenantId) {
        return byTenant.getOrDefault(tenantId, FeatureCodes.defaults());
    }

    /** The tenant's codes by feature, in the order of {@link Feature}. */
    public Map<Feature, String> table(long tenantId) {
        FeatureCodes codes = codes(tenantId);
        Map<Feature, String> map = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            map.put(f, f.of(codes));
        }
        return map;
    }

    /**
     * Sets the tenant's codes; features missing from {@code changes} keep their code.
     *
     * @throws InvalidDialCodeException naming each malformed or clashing code (field = the feature's wire name)
     */
    @Transactional
    public Map<Feature, String> save(long tenantId, Map<Feature, String> changes, String actor, String source) {
        Map<Feature, String> before = table(tenantId);
        Map<Feature, String> next = new EnumMap<>(before);
        changes.forEach((f, c) -> next.put(f, c == null ? "" : c.strip()));
        List<ApiProblem.FieldError> problems = problems(before, next, speedDials.getIfAvailable() == null ? List.of()
                : List.copyOf(speedDials.getIfAvailable().codes(tenantId)));
        if (!problems.isEmpty()) {
            throw new InvalidDialCodeException(problems);
        }
        List<Map.Entry<Feature, String>> overrides = new ArrayList<>();
        next.forEach((f, c) -> {
            if (!c.equals(f.defaultCode())) {
                overrides.add(Map.entry(f, c));
            }
        });
        store.replace(tenantId, overrides);
        byTenant.put(tenantId, Feature.build(next::get));
        audit.recordChange(actor, source, "feature_codes_changed", "feature_codes", Long.toString(tenantId), "",
                byWire(before), byWire(next));
        return next;
    }

    /** A code table as the audit log shows it: the feature's wire name → its code. */
    private static Map<String, String> byWire(Map<Feature, String> codes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        codes.forEach((f, c) -> out.put(f.wire(), c));
        return out;
    }

    /**
     * Why {@code codes} cannot replace {@code before}, one problem per feature at most; a shared code is reported on the
     * feature whose code changed. Pure; {@code speedDialCodes} are the speed dials in use.
     */
    static List<ApiProblem.FieldError> problems(Map<Feature, String> before, Map<Feature, String> codes,
                                                List<String> speedDialCodes) {
        Map<Feature, String> found = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            String c = codes.get(f);
            if (!CODE.matcher(c).matches()) {
                found.put(f, "Use * followed by 1 to 5 digits, * or # (e.g. " + f.defaultCode() + ").");
            }
        }
        for (Feature f : Feature.values()) {
            for (Feature other : Feature.values()) {
                if (f == other || found.containsKey(f) || found.containsKey(other)) {
                    continue;
                }
                String c = codes.get(f);
                String o = codes.get(other);
                boolean changed = !c.equals(before.get(f));
                boolean otherChanged = !o.equals(before.get(other));
                boolean blame = changed && !otherChanged || changed == otherChanged && f.ordinal() > other.ordinal();
                if (c.equals(o) && blame) {
                    found.put(f, c + " is already the " + other.label().toLowerCase() + " code.");
                } else if (!c.equals(o) && other.prefix() && c.startsWith(o)) {
                    found.put(f, c + " starts with " + o + ", the " + other.label().toLowerCase()
                            + " code: the dialled number would be ambiguous.");
                }
            }
        }
        String prefix = codes.get(Feature.SPEED_DIAL);
        if (!found.containsKey(Feature.SPEED_DIAL)) {
            for (String sd : speedDialCodes) {
                String dialled = prefix + sd;
                for (Feature f : Feature.values()) {
                    if (f != Feature.SPEED_DIAL && !found.containsKey(Feature.SPEED_DIAL)
                            && (dialled.equals(codes.get(f)) || f.prefix() && dialled.startsWith(codes.get(f)))) {
                        found.put(Feature.SPEED_DIAL, "Speed dial " + sd + " would be dialled as " + dialled
                                + ", which is the " + f.label().toLowerCase() + " code.");
                    }
                }
            }
        }
        List<ApiProblem.FieldError> out = new ArrayList<>();
        found.forEach((f, m) -> out.add(new ApiProblem.FieldError(f.wire(), m)));
        return out;
    }

    /**
     * Why a speed-dial {@code code} (digits after the speed-dial prefix) clashes with the tenant's number plan, if it
     * does: a code may not be in the extension or team range, nor a parking lot's park number or slot, so that a caller
     * who forgets the prefix never reaches somebody else.
     */
    public Optional<String> numberPlanClash(long tenantId, String code) {
        NumberPlan.Ranges r = NumberPlan.Ranges.defaults();
        if (code.isEmpty() || code.length() > 9 || !code.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long n = Long.parseLong(code);
        if (n >= r.extensionLow() && n <= r.extensionHigh()) {
            return Optional.of(code + " is in the extension range " + r.extensionLow() + "–" + r.extensionHigh() + ".");
        }
        if (n >= r.teamLow() && n <= r.teamHigh()) {
            return Optional.of(code + " is in the team range " + r.teamLow() + "–" + r.teamHigh() + ".");
        }
        ParkingLotLookup parking = lots.getIfAvailable();
        if (parking != null) {
            return parking.reservedBy(tenantId, code);
        }
        if (n == r.park()) {
            return Optional.of(code + " is the park number.");
        }
        if (n >= r.slotLow() && n <= r.slotHigh()) {
            return Optional.of(code + " is a parking slot (" + r.slotLow() + "–" + r.slotHigh() + ").");
        }
        return Optional.empty();
    }
}
