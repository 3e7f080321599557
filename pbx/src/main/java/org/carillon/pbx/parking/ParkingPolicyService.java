package org.carillon.pbx.parking;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.platform.settings.Settings;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each tenant's parking settings (SPEC §2.7): saved by an admin, else the environment's
 * ({@link ParkingSettings}). Kept in memory, since the call engine reads them on its executor when a call is parked.
 * The fallback is validated like a schedule action ({@link DestinationCheck}): any schedule action type except
 * {@code external} (no trunks yet).
 *
 * <p>Threads: thread-safe; {@link #policy} never blocks.
 */
@Service
public class ParkingPolicyService implements SmartInitializingSingleton {
    /** The fallback types a parked call can be given to. */
    public static final Set<Destination.Type> FALLBACKS = Set.of(Destination.Type.EXTENSION, Destination.Type.TEAM,
            Destination.Type.VOICEMAIL, Destination.Type.PROMPT, Destination.Type.HANGUP);

    private final ParkingPolicyStore store;
    private final DestinationCheck check;
    private final AuditTrail audit;
    private final Clock clock;
    private final ParkingPolicy defaults;
    private final ConcurrentHashMap<Long, ParkingPolicy> byTenant = new ConcurrentHashMap<>();

    public ParkingPolicyService(ParkingPolicyStore store, DestinationCheck check, AuditTrail audit, Clock clock,
                                Settings settings) {
        this.store = store;
        this.check = check;
        this.audit = audit;
        this.clock = clock;
        this.defaults = ParkingPolicy.from(ParkingSettings.from(settings));
    }

    @Override
    public void afterSingletonsInstantiated() {
        byTenant.putAll(store.all());
    }

    /** The tenant's settings: its own, else the environment's. */
    public ParkingPolicy policy(long tenantId) {
        return byTenant.getOrDefault(tenantId, defaults);
    }

    /** Whether the tenant saved its own settings (false: the environment's apply). */
    public boolean custom(long tenantId) {
        return byTenant.containsKey(tenantId);
    }

    /**
     * Validates and saves the tenant's settings, audited with before and after.
     *
     * @throws InvalidParkingPolicyException naming {@code timeoutSeconds}, {@code fallback.type} or
     *                                       {@code fallback.target}
     */
    @Transactional
    public ParkingPolicy save(long tenantId, Integer timeoutSeconds, DestinationCheck.Body fallback, String actor,
                              String source) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (timeoutSeconds == null) {
            errors.add(new ApiProblem.FieldError("timeoutSeconds", "is required"));
        } else if (timeoutSeconds < ParkingPolicy.MIN_TIMEOUT || timeoutSeconds > ParkingPolicy.MAX_TIMEOUT) {
            errors.add(new ApiProblem.FieldError("timeoutSeconds", "must be from " + ParkingPolicy.MIN_TIMEOUT
                    + " to " + ParkingPolicy.MAX_TIMEOUT + " seconds"));
        }
        Optional<Destination> d = check.check(tenantId, "fallback", fallback, FALLBACKS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidParkingPolicyException(errors);
        }
        ParkingPolicy before = policy(tenantId);
        ParkingPolicy after = new ParkingPolicy(timeoutSeconds, d.orElseThrow());
        store.put(tenantId, after, clock.instant());
        byTenant.put(tenantId, after);
        audit.recordChange(actor, source, "parking_settings_saved", "parking_settings", Long.toString(tenantId), "",
                state(before), state(after));
        return after;
    }

    private static Map<String, Object> state(ParkingPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("timeoutSeconds", p.timeoutSeconds());
        m.put("fallbackType", p.fallback().type().wire());
        m.put("fallbackTarget", p.fallback().target());
        return m;
    }
}
