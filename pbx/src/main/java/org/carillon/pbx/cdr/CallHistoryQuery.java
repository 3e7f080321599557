package org.carillon.pbx.cdr;

import org.carillon.pbx.call.CallResult;

import java.time.Instant;
import java.util.Optional;

/**
 * A search of the call history.
 *
 * @param number  calls where this number is the caller, the dialled number or the callee
 * @param result  only calls that ended so
 * @param from    started at or after
 * @param to      started before
 * @param page    0-based page
 * @param size    rows per page (1..500)
 */
public record CallHistoryQuery(Optional<String> number, Optional<CallResult> result, Optional<Instant> from,
                               Optional<Instant> to, int page, int size) {

    public CallHistoryQuery {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page >= 0 and size 1..500");
        }
    }

    public CallHistoryQuery restrictedTo(String ownNumber) {
        return new CallHistoryQuery(Optional.of(ownNumber), result, from, to, page, size);
    }
}
