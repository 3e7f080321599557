/**
 * Shared parking (SPEC §2.7, issue 10): {@link org.carillon.pbx.parking.ParkingService} keeps each tenant's slots
 * (the number plan's {@code 701}–{@code 720}) as the call engine's {@link org.carillon.pbx.call.CallParking}, rings the
 * parker back when a parked call is not retrieved within the timeout, then the fallback; each slot is a resource of the
 * {@code dialog} event package (its BLF lamp) through {@link org.carillon.pbx.parking.ParkSlotLamps}. Each tenant's
 * timeout and fallback are {@link org.carillon.pbx.parking.ParkingPolicyService}'s (the environment's until saved);
 * the Parking page shows the slots live through {@link org.carillon.pbx.parking.ParkingStream}.
 */
package org.carillon.pbx.parking;
