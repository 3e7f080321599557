package org.carillon.pbx.parking;

import org.carillon.pbx.call.Destination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parking lot (SPEC §2.7): a call blind-transferred to its park number waits in its lowest free slot; one nobody
 * retrieves within the timeout rings its parker back, then goes to the fallback ({@code extension}: rung next, then
 * hang up; {@code team}, {@code voicemail}, {@code prompt}: handed to that application; {@code hangup}: the call ends).
 *
 * @param id             the row's id (the API's {@code /api/v1/parking/lots/{id}})
 * @param name           shown in the admin, unique in the tenant
 * @param parkNumber     the number parked to ({@code 700}), digits
 * @param firstSlot      the lowest slot ({@code 701}); slots are {@code firstSlot}–{@code lastSlot}, at most
 *                       {@value #MAX_SLOTS}
 * @param lastSlot       the highest slot ({@code 720})
 * @param timeoutSeconds {@value #MIN_TIMEOUT}–{@value #MAX_TIMEOUT}: how long a call waits before the ring-back
 * @param fallback       one of {@link ParkingLotRules#FALLBACKS}
 * @param musicOnHold    what the parked party hears (a source of {@link org.carillon.pbx.call.MusicOnHold})
 * @param isDefault      the tenant's default lot (700, 701–720 unless changed): always there, never deleted
 */
public record ParkingLot(long id, long tenantId, String name, String parkNumber, int firstSlot, int lastSlot,
                         int timeoutSeconds, Destination fallback, String musicOnHold, boolean isDefault) {
    public static final int MIN_TIMEOUT = 1;
    public static final int MAX_TIMEOUT = 86_400;
    public static final int MAX_SLOTS = 100;
    /** The default lot's name when the PBX creates it. */
    public static final String DEFAULT_NAME = "Main";

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The slot numbers, lowest first. */
    public List<String> slots() {
        List<String> all = new ArrayList<>(lastSlot - firstSlot + 1);
        for (int n = firstSlot; n <= lastSlot; n++) {
            all.add(Integer.toString(n));
        }
        return all;
    }

    /** {@code number} as one of this lot's slots. */
    public Optional<Integer> slot(String number) {
        if (number.isEmpty() || number.length() > 9 || number.charAt(0) == '0' || !number.chars()
                .allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int n = Integer.parseInt(number);
        return n >= firstSlot && n <= lastSlot ? Optional.of(n) : Optional.empty();
    }

    /** Whether {@code number} is the park number or a slot. */
    public boolean owns(String number) {
        return parkNumber.equals(number) || slot(number).isPresent();
    }

    /** "701–720" (one slot: "701"). */
    public String slotRange() {
        return firstSlot == lastSlot ? Integer.toString(firstSlot) : firstSlot + "–" + lastSlot;
    }

    ParkingLot withId(long newId) {
        return new ParkingLot(newId, tenantId, name, parkNumber, firstSlot, lastSlot, timeoutSeconds, fallback,
                musicOnHold, isDefault);
    }
}
