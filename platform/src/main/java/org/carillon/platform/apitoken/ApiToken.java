package org.carillon.platform.apitoken;

import java.time.Instant;
import java.util.Optional;

/**
 * A bearer token as listed to its owner: never the token itself, only the first characters to recognise it.
 */
public record ApiToken(long id, long accountId, String name, ApiTokenScope scope, String prefix, Instant createdAt,
                       Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    public boolean active() {
        return revokedAt.isEmpty();
    }
}
