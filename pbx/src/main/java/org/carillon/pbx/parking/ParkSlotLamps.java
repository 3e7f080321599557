package org.carillon.pbx.parking;

import org.carillon.pbx.presence.DialogLampSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * The slots of every parking lot as BLF lamps of the {@code dialog} package: a free slot is one {@code terminated} dialog, an occupied
 * one an {@code early} dialog (so phones flash the key) naming the parked call's dialog, which an INVITE with
 * {@code Replaces} from the lamp retrieves. Threads: thread-safe, non-blocking.
 */
@Component
class ParkSlotLamps implements DialogLampSource {
    private final ParkingService parking;

    ParkSlotLamps(ParkingService parking) {
        this.parking = parking;
    }

    @Override
    public boolean serves(long tenantId, String resource) {
        return parking.isSlot(tenantId, resource);
    }

    @Override
    public Optional<Lamp> dialog(long tenantId, String resource) {
        return parking.find(tenantId, resource).map(c -> new Lamp(c.id(), c.callId(), c.localTag(), c.remoteTag(),
                true, c.parked(), Instant.EPOCH));
    }
}
