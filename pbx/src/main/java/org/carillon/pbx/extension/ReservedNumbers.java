package org.carillon.pbx.extension;

import java.util.Optional;

/**
 * Numbers of a tenant's number plan that another feature owns (a parking lot's park number and slots), which an
 * extension or a team may therefore not take: implemented by that feature, asked by the features that hand out
 * numbers, so none of them depends on the owner. Several implementations may exist; each is asked.
 *
 * <p>Threads: thread-safe and non-blocking (answers from memory).
 */
public interface ReservedNumbers {

    /**
     * Why {@code number} is not free in the tenant's plan, as a sentence for an error beside the field ("701 is a
     * slot of the parking lot Main (701–720)."); empty when this owner does not hold it.
     */
    Optional<String> reservedBy(long tenantId, String number);
}
