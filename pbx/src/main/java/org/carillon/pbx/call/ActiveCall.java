package org.carillon.pbx.call;

import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of a live call for the admin and {@code GET /api/v1/calls/active}.
 *
 * @param id       the call's id (also the id of its history row once it ends)
 * @param caller   calling extension
 * @param dialled  what the caller dialled
 * @param callee   the extension talking to the caller, once answered
 */
public record ActiveCall(String id, long tenantId, String caller, String dialled, Optional<String> callee,
                         CallState state, Instant startedAt, Optional<Instant> answeredAt) {
}
