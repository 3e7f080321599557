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
 * {@code GET /api/v1/parking} → the tenant's occupied slots of every lot, lowest first:
 * {@code [{slot, parked, parker, call, lot}]} ({@code call}: the call's id, as in the active calls; {@code lot}: the
 * lot's id); {@code GET|PUT /api/v1/parking/settings} → {@code {timeoutSeconds, fallback: {type, target}}}: the
 * default lot's (kept from the single-lot API; the lots themselves are {@link ParkingLotApiController}'s; a bad field
 * is 400 naming it). Owner and Manager.
 */
@RestController
@Allowed(Permission.PARKING)
public class ParkingApiController {
    private final ParkingService parking;
    private final ParkingLotService lots;
    private final TenantDirectory tenants;

    public ParkingApiController(ParkingService parking, ParkingLotService lots, TenantDirectory tenants) {
        this.parking = parking;
        this.lots = lots;
        this.tenants = tenants;
    }

    /** The settings as sent and returned: {@code {timeoutSeconds, fallback: {type, target}}}. */
    public record SettingsBody(Integer timeoutSeconds, DestinationCheck.Body fallback) {
        static SettingsBody of(ParkingLot p) {
            return new SettingsBody(p.timeoutSeconds(), new DestinationCheck.Body(p.fallback().type().wire(),
                    p.fallback().target()));
        }
    }

    @GetMapping("/api/v1/parking/settings")
    public SettingsBody settings() {
        return SettingsBody.of(lots.defaultLot(tenants.current().id()));
    }

    @PutMapping("/api/v1/parking/settings")
    public SettingsBody putSettings(@RequestBody SettingsBody body, Authentication auth, HttpServletRequest request) {
        return SettingsBody.of(lots.saveDefaultSettings(tenants.current().id(), body.timeoutSeconds(),
                body.fallback(), auth.getName(), request.getRemoteAddr()));
    }

    @ExceptionHandler(InvalidParkingLotException.class)
    public ProblemDetail invalid(InvalidParkingLotException e) {
        return ApiProblem.validation(e.errors());
    }

    /** One occupied slot; {@code lot} is 0 for a call whose lot changed its range meanwhile. */
    public record Slot(String slot, String parked, String parker, String call, long lot) {
    }

    @GetMapping("/api/v1/parking")
    public List<Slot> slots() {
        long tenant = tenants.current().id();
        return parking.parked(tenant).stream()
                .map(c -> new Slot(c.slot(), c.parked(), c.parker(), c.id(),
                        lots.owning(tenant, c.slot()).map(ParkingLot::id).orElse(0L)))
                .sorted(Comparator.comparing((Slot s) -> s.slot().length()).thenComparing(Slot::slot)).toList();
    }
}
