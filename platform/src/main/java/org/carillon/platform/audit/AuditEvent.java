package org.carillon.platform.audit;

import java.time.Instant;

/**
 * One line of the append-only audit log: who did what to which object, when (UTC) and from where. {@code detail}
 * never holds passwords, tokens, card data or full license keys.
 */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String objectType,
                         String objectId, String detail, String source) {
}
