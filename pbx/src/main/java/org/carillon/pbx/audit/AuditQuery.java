package org.carillon.pbx.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * A search of the audit log; every criterion is optional.
 *
 * @param actor      entries by this account (exact email, case-insensitive)
 * @param objectType entries about this kind of object ({@code extension}, {@code account}, {@code api_token},
 *                   {@code license}, …)
 * @param objectId   …and this object (an extension number, a token id)
 * @param from       at or after
 * @param to         before
 * @param page       0-based
 * @param size       rows per page, 1..1000
 */
public record AuditQuery(Optional<String> actor, Optional<String> objectType, Optional<String> objectId,
                         Optional<Instant> from, Optional<Instant> to, int page, int size) {
    public static final int MAX_SIZE = 1000;

    /** @throws IllegalArgumentException for a negative page or a size outside 1..1000 */
    public AuditQuery {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1.." + MAX_SIZE);
        }
    }
}
