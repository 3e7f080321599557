/**
 * Shared parking (SPEC §2.7, issue 10): each tenant's parking lots ({@link org.carillon.pbx.parking.ParkingLotService},
 * validated by {@link org.carillon.pbx.parking.ParkingLotRules}; the default lot {@code 700}, {@code 701}–{@code 720})
 * and their parked calls ({@link org.carillon.pbx.parking.ParkingService}, the call engine's
 * {@link org.carillon.pbx.call.CallParking}), which ring the parker back when a call is not retrieved within its lot's
 * timeout, then go to its fallback; each slot is a resource of the {@code dialog} event package (its BLF lamp) through
 * {@link org.carillon.pbx.parking.ParkSlotLamps}; the Parking page shows every lot's slots live through
 * {@link org.carillon.pbx.parking.ParkingStream}.
 */
package org.carillon.pbx.parking;
