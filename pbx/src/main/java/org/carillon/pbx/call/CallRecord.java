package org.carillon.pbx.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A finished call, published in a {@link CallEnded} event when the call ends (the call history stores it).
 *
 * @param id         the call's id
 * @param caller     the calling extension
 * @param dialled    the number dialled
 * @param callee     the extension that answered, if any
 * @param answeredAt when the call was answered, if it was
 * @param status     the SIP status the caller got (200 when answered)
 * @param endedBy    who ended it: {@code caller}, {@code callee}, {@code system} (timeouts), {@code admin}
 * @param transfers  each transfer as {@code "blind:1002"} or {@code "attended:1003"}, in order
 */
public record CallRecord(String id, long tenantId, String caller, String dialled, Optional<String> callee,
                         Instant startedAt, Optional<Instant> answeredAt, Instant endedAt, CallResult result,
                         int status, String endedBy, List<String> transfers) {

    public CallRecord {
        transfers = List.copyOf(transfers);
    }

    /** Talk time in whole seconds (0 when never answered). */
    public long durationSeconds() {
        return answeredAt.map(a -> Math.max(0, java.time.Duration.between(a, endedAt).toSeconds())).orElse(0L);
    }
}
