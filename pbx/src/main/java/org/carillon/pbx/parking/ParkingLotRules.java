package org.carillon.pbx.parking;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.MusicOnHold;
import org.carillon.pbx.call.RouteRequest;
import org.carillon.pbx.call.Router;
import org.carillon.pbx.routing.SpeedDialLookup;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a parking lot valid (SPEC §2.7, CONTRACTS.md's number plan): a name unique in the tenant; a park number
 * and a slot range of 2–9 digit numbers not starting with 0 (dial codes start with {@code *}, so a lot never meets a
 * feature code), at most {@value ParkingLot#MAX_SLOTS} slots, the park number outside its own range; none of these
 * numbers an extension, a team, a speed-dial code or another lot's number; a timeout of
 * {@value ParkingLot#MIN_TIMEOUT}–{@value ParkingLot#MAX_TIMEOUT} s; a fallback checked like a schedule action
 * ({@link DestinationCheck}); one of the tenant's music-on-hold sources. Each problem names its field.
 *
 * <p>Threads: thread-safe; reads only memory (the router's and speed dials' tables).
 */
@Component
class ParkingLotRules {
    /** Where a call goes when its parker does not answer the ring-back. */
    static final Set<Destination.Type> FALLBACKS = Set.of(Destination.Type.EXTENSION, Destination.Type.TEAM,
            Destination.Type.VOICEMAIL, Destination.Type.PROMPT, Destination.Type.HANGUP);
    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{1,8}");

    private final DestinationCheck destinations;
    private final Router router;
    private final ObjectProvider<SpeedDialLookup> speedDials;
    private final Clock clock;

    ParkingLotRules(DestinationCheck destinations, Router router, ObjectProvider<SpeedDialLookup> speedDials,
                    Clock clock) {
        this.destinations = destinations;
        this.router = router;
        this.speedDials = speedDials;
        this.clock = clock;
    }

    /**
     * The lot {@code in} describes, or its problems.
     *
     * @param old    the lot being changed (its id, default flag and numbers are its own), empty for a new one
     * @param others the tenant's other lots
     * @param parked the slots of {@code old} a call waits in now: the new range must keep them
     * @throws InvalidParkingLotException naming each bad field
     */
    ParkingLot validated(long tenantId, Optional<ParkingLot> old, ParkingLotInput in, Collection<ParkingLot> others,
                         Collection<String> parked) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        String name = strip(in.name());
        if (name.isEmpty()) {
            errors.add(error("name", "Enter a name."));
        } else if (name.length() > 100) {
            errors.add(error("name", "Use at most 100 characters."));
        } else if (others.stream().anyMatch(l -> l.name().equalsIgnoreCase(name))) {
            errors.add(error("name", "Another parking lot is called " + name + "."));
        }
        String park = number("parkNumber", in.parkNumber(), errors);
        String first = number("firstSlot", in.firstSlot(), errors);
        String last = number("lastSlot", in.lastSlot(), errors);
        int low = first.isEmpty() ? 0 : Integer.parseInt(first);
        int high = last.isEmpty() ? 0 : Integer.parseInt(last);
        boolean range = !first.isEmpty() && !last.isEmpty();
        if (range && high < low) {
            errors.add(error("lastSlot", "The last slot must not be below the first (" + low + ")."));
            range = false;
        } else if (range && high - low + 1 > ParkingLot.MAX_SLOTS) {
            errors.add(error("lastSlot", "At most " + ParkingLot.MAX_SLOTS + " slots: up to " + (low
                    + ParkingLot.MAX_SLOTS - 1) + "."));
            range = false;
        }
        if (!park.isEmpty()) {
            int p = Integer.parseInt(park);
            if (range && p >= low && p <= high) {
                errors.add(error("parkNumber", "The park number must not be one of its own slots."));
            } else {
                clash(tenantId, park, others).ifPresent(m -> errors.add(error("parkNumber", m)));
            }
        }
        if (range) {
            for (int n = low; n <= high; n++) {
                Optional<String> why = clash(tenantId, Integer.toString(n), others);
                if (why.isPresent()) {
                    errors.add(error("firstSlot", "Slot " + why.get()));
                    break;
                }
            }
            final int l = low;
            final int h = high;
            parked.stream().filter(s -> Integer.parseInt(s) < l || Integer.parseInt(s) > h).findFirst()
                    .ifPresent(s -> errors.add(error("firstSlot", "A call is parked in slot " + s
                            + ": keep it in the range until it is retrieved.")));
        }
        int timeout = 0;
        if (in.timeoutSeconds() == null) {
            errors.add(error("timeoutSeconds", "is required"));
        } else if (in.timeoutSeconds() < ParkingLot.MIN_TIMEOUT || in.timeoutSeconds() > ParkingLot.MAX_TIMEOUT) {
            errors.add(error("timeoutSeconds", "must be from " + ParkingLot.MIN_TIMEOUT + " to "
                    + ParkingLot.MAX_TIMEOUT + " seconds"));
        } else {
            timeout = in.timeoutSeconds();
        }
        Optional<Destination> fallback = destinations.check(tenantId, "fallback", in.fallback(), FALLBACKS, errors);
        String moh = MusicOnHold.normalised(in.musicOnHold());
        MusicOnHold.problem(tenantId, moh).ifPresent(m -> errors.add(error("musicOnHold", m)));
        if (!errors.isEmpty()) {
            throw new InvalidParkingLotException(errors);
        }
        return new ParkingLot(old.map(ParkingLot::id).orElse(0L), tenantId, name, park, low, high, timeout,
                fallback.orElseThrow(), moh, old.map(ParkingLot::isDefault).orElse(false));
    }

    /**
     * Why {@code number} cannot be one of this lot's: another lot's number, an extension, a team or a speed-dial code
     * ("705 is extension 705."); the lot's own numbers route to parking and are no clash.
     */
    private Optional<String> clash(long tenantId, String number, Collection<ParkingLot> others) {
        for (ParkingLot other : others) {
            if (other.parkNumber().equals(number)) {
                return Optional.of(number + " is the park number of the parking lot " + other.name() + ".");
            }
            if (other.slot(number).isPresent()) {
                return Optional.of(number + " is a slot of the parking lot " + other.name() + " ("
                        + other.slotRange() + ").");
            }
        }
        Destination d = router.route(new RouteRequest(number, "", tenantId, clock.instant()));
        if (d.type() == Destination.Type.EXTENSION) {
            return Optional.of(number + " is extension " + number + ".");
        }
        if (d.type() == Destination.Type.TEAM) {
            return Optional.of(number + " is team " + number + ".");
        }
        SpeedDialLookup sd = speedDials.getIfAvailable();
        if (sd != null && sd.codes(tenantId).contains(number)) {
            return Optional.of(number + " is a speed-dial code.");
        }
        return Optional.empty();
    }

    private static String number(String field, String raw, List<ApiProblem.FieldError> errors) {
        String s = strip(raw);
        if (s.isEmpty()) {
            errors.add(error(field, "is required"));
            return "";
        }
        if (!NUMBER.matcher(s).matches()) {
            errors.add(error(field, "Use 2 to 9 digits, not starting with 0."));
            return "";
        }
        return s;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static ApiProblem.FieldError error(String field, String message) {
        return new ApiProblem.FieldError(field, message);
    }
}
