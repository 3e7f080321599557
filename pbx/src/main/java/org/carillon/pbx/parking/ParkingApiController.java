package org.carillon.pbx.parking;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.call.ParkedCall;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/v1/parking} → the tenant's occupied slots, lowest first:
 * {@code [{slot, parked, parker, call}]} ({@code call}: the call's id, as in the active calls). Owner and Manager.
 */
@RestController
@Allowed(Permission.PARKING)
public class ParkingApiController {
    private final ParkingService parking;
    private final TenantDirectory tenants;

    public ParkingApiController(ParkingService parking, TenantDirectory tenants) {
        this.parking = parking;
        this.tenants = tenants;
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
