package org.carillon.pbx.call;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a live call for the admin and {@code GET /api/v1/calls/active}.
 *
 * @param id       the call's id (also the id of its history row once it ends)
 * @param caller   calling extension
 * @param dialled  what the caller dialled
 * @param callee   the extension talking to the caller, once answered
 * @param legs     who is on the call now and the caller's dialog, for presence (not part of the REST view)
 */
public record ActiveCall(String id, long tenantId, String caller, String dialled, Optional<String> callee,
                         CallState state, Instant startedAt, Optional<Instant> answeredAt,
                         @JsonIgnore Legs legs) {

    /**
     * Who the call involves now, as presence and BLF lamps show it.
     *
     * @param parties  the extension numbers of the connected parties (the caller's side first; after a transfer or
     *                 pickup, whoever took a side's place)
     * @param ringing  the extension being rung now, if any (first ring, or a transfer's target)
     * @param callId   the Call-ID of the caller's dialog with the PBX: an INVITE with {@code Replaces} naming it
     *                 picks a ringing call up (RFC 3891)
     * @param pbxTag   our tag in that dialog (the {@code to-tag} of such a Replaces)
     * @param callerTag the caller's tag in that dialog (the {@code from-tag})
     */
    public record Legs(List<String> parties, Optional<String> ringing, String callId, String pbxTag,
                       String callerTag) {
    }
}
