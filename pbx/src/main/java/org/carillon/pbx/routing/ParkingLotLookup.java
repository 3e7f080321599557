package org.carillon.pbx.routing;

import org.carillon.pbx.extension.ReservedNumbers;

/**
 * What routing (and the features that check numbers) need from the parking feature, which implements it, so neither
 * depends on parking: which numbers are a lot's park number or one of its slots. As {@link ReservedNumbers}, it also
 * keeps extensions and teams off those numbers.
 *
 * <p>Threads: thread-safe, non-blocking (answers from memory).
 */
public interface ParkingLotLookup extends ReservedNumbers {

    /** Whether {@code number} is the park number of one of the tenant's lots. */
    boolean isParkNumber(long tenantId, String number);

    /** Whether {@code number} is a slot of one of the tenant's lots. */
    boolean isSlot(long tenantId, String number);

    /** The slot range of each lot, the default lot's first ({@code ["701–720", "751–755"]}), for error messages. */
    java.util.List<String> slotRanges(long tenantId);
}
