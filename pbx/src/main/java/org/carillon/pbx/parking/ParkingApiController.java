package org.carillon.pbx.parking;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v1/parking} → the tenant's occupied slots, lowest first:
 * {@code [{slot, parked, parker, call}]} ({@code call}: the call's id, as in the active calls);
 * {@code GET|PUT /api/v1/parking/settings} → {@code {timeoutSeconds, fallback: {type, target}}} (the tenant's own, else
 * the environment's; a bad field is 400 naming it). Owner and Manager.
 */
@RestController
@Allowed(Permission.PARKING)
public class ParkingApiController {
    private final ParkingService parking;
    private final ParkingPolicyService policies;
    private final TenantDirectory tenants;

    public ParkingApiController(ParkingService parking, ParkingPolicyService policies, TenantDirectory tenants) {
        this.parking = parking;
        this.policies = policies;
        this.tenants = tenants;
    }

    /** The settings as sent and returned: {@code {timeoutSeconds, fallback: {type, target}}}. */
    public record SettingsBody(Integer timeoutSeconds, DestinationCheck.Body fallback) {
        static SettingsBody of(ParkingPolicy p) {
            return new SettingsBody(p.timeoutSeconds(), new DestinationCheck.Body(p.fallback().type().wire(),
                    p.fallback().target()));
        }
    }

    @GetMapping("/api/v1/parking/settings")
    public SettingsBody settings() {
        return SettingsBody.of(policies.policy(tenants.current().id()));
    }

    @PutMapping("/api/v1/parking/settings")
    public SettingsBody putSettings(@RequestBody SettingsBody body, Authentication auth, HttpServletRequest request) {
        return SettingsBody.of(policies.save(tenants.current().id(), body.timeoutSeconds(), body.fallback(),
                auth.getName(), request.getRemoteAddr()));
    }

    @ExceptionHandler(InvalidParkingPolicyException.class)
    public ProblemDetail invalid(InvalidParkingPolicyException e) {
        return ApiProblem.validation(e.errors());
    }

    /** One occupied slot. */
    public record Slot(String slot, String parked, String parker, String call) {
    }

    @GetMapping("/api/v1/parking")
    public List<Slot> slots() {
        return parking.parked(tenants.current().id()).stream()
                .map(c -> new Slot(c.slot(), c.parked(), c.parker(), c.id()))
                .sorted(Comparator.comparing(Slot::slot)).toList();
    }
}
