package org.carillon.pbx.parking;

/** A lot that cannot be deleted now: the default lot, or one a call is parked in. Mapped to 409. */
public class ParkingLotInUseException extends RuntimeException {
    public ParkingLotInUseException(String message) {
        super(message);
    }
}
