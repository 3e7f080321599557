package org.carillon.pbx.call;

import java.util.Optional;

/**
 * Where parked calls wait: the call engine asks it for a slot when a call is blind-transferred to a parking lot's park
 * number or to a slot, and for the call parked in a slot when someone dials it. Implemented by the {@code parking} feature (a
 * Spring bean); without one, a REFER to the park number is refused 501.
 *
 * <p>Threads: thread-safe; {@link #park} runs on the parked call's executor, {@link #take} on the retriever's, and
 * neither may block on I/O.
 */
public interface CallParking {

    /**
     * Parks {@code call} in the lowest free slot of the lot whose park number {@code number} is, or in slot
     * {@code number}.
     *
     * @return the slot taken; empty when that slot is occupied or every slot of the lot is (the REFER is then refused
     *         486)
     */
    Optional<String> park(ParkedCall call, String number);

    /** Whether {@code number} is the park number of one of the tenant's lots (not a slot: nothing to retrieve). */
    boolean isParkNumber(long tenantId, String number);

    /** Takes the call parked in {@code slot} of the tenant out of its slot (someone dialled the slot). */
    Optional<ParkedCall> take(long tenantId, String slot);

    /** {@code call} left its slot without being taken (the parked party hung up, or the call ended). */
    void left(ParkedCall call);
}
