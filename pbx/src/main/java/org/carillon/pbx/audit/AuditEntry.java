package org.carillon.pbx.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the PBX's audit log: who ({@code actor}, an account email or {@code system}) did what
 * ({@code action}, e.g. {@code extension.update}) to which object, when (UTC), from where (client address), with
 * the object's state before and after as JSON (secrets masked; absent for a creation's before, a deletion's after,
 * and for entries the platform writes without states).
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String objectType,
                         String objectId, String detail, String source, Optional<String> before,
                         Optional<String> after) {
}
