package org.carillon.pbx.parking;

import org.carillon.pbx.schedule.DestinationCheck;

/**
 * A parking lot as an admin sends it (API body or form), before validation; numbers as strings (CONTRACTS.md).
 * Nulls are fields left out: {@code musicOnHold} then means the default, the others are required.
 */
public record ParkingLotInput(String name, String parkNumber, String firstSlot, String lastSlot,
                              Integer timeoutSeconds, DestinationCheck.Body fallback, String musicOnHold) {

    /** The lot as its form shows it. */
    static ParkingLotInput of(ParkingLot lot) {
        return new ParkingLotInput(lot.name(), lot.parkNumber(), Integer.toString(lot.firstSlot()),
                Integer.toString(lot.lastSlot()), lot.timeoutSeconds(), new DestinationCheck.Body(
                lot.fallback().type().wire(), lot.fallback().target()), lot.musicOnHold());
    }
}
