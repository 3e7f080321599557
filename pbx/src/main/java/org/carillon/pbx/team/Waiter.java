package org.carillon.pbx.team;

import org.carillon.pbx.call.CallerSession;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One caller in a team's queue. Fields marked "lock" are guarded by the {@link TeamQueue}'s lock; the others belong to
 * the caller's call executor.
 */
final class Waiter {
    final String id = UUID.randomUUID().toString();
    final long tenantId;
    final long teamId;
    final CallerSession caller;
    final Instant queuedAt;
    /** lock: agents this caller was offered to without an answer (skipped until every member was tried). */
    final Set<String> tried = new HashSet<>();
    /** lock: the agents ringing for this caller now. */
    List<String> ringing = List.of();
    /** lock: the agent who answered. */
    Optional<String> agent = Optional.empty();
    /** lock: the caller left the queue (answered, overflowed or hung up). */
    boolean left;
    /** call executor. */
    Optional<CallerSession.OfferHandle> offer = Optional.empty();
    /** call executor. */
    Instant answeredAt;
    /** call executor. */
    final java.util.List<CallerSession.Timer> timers = new java.util.ArrayList<>();

    Waiter(long tenantId, long teamId, CallerSession caller, Instant queuedAt) {
        this.tenantId = tenantId;
        this.teamId = teamId;
        this.caller = caller;
        this.queuedAt = queuedAt;
    }

    void cancelTimers() {
        timers.forEach(CallerSession.Timer::cancel);
        timers.clear();
    }
}
