package org.carillon.pbx.parking;

/** No parking lot with that id in the tenant (another tenant's lot is not found either). Mapped to 404. */
public class ParkingLotNotFoundException extends RuntimeException {
    public ParkingLotNotFoundException(long id) {
        super("There is no parking lot " + id + ".");
    }
}
