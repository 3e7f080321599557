package org.carillon.pbx.team;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One agent (an extension that is a member of at least one team) as it stands now.
 *
 * @param tenantId    its tenant
 * @param extension   its extension number
 * @param state       the one state across all its teams
 * @param auxCode     the break reason while on break, else empty
 * @param since       when it entered this state
 * @param idleSince   when it last became free for calls (login, break over, call or wrap-up over)
 * @param wrapUpUntil while in wrap-up: when it ends
 * @param pending     a state asked for while in a call, applied when the call ends
 * @param pendingAux  the aux code of {@code pending}
 * @param version     bumped by every transition (compare-and-set in the store)
 */
public record Agent(long tenantId, String extension, AgentState state, String auxCode, Instant since,
                    Instant idleSince, Optional<Instant> wrapUpUntil, Optional<AgentState> pending, String pendingAux,
                    long version) {
    public Agent {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(auxCode, "auxCode");
        Objects.requireNonNull(wrapUpUntil, "wrapUpUntil");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(pendingAux, "pendingAux");
    }

    /** Time in the current state at {@code now}. */
    public Duration inState(Instant now) {
        Duration d = Duration.between(since, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    Agent to(AgentState next, String aux, Instant now, Optional<Instant> until) {
        boolean freed = next == AgentState.READY && state != AgentState.READY;
        return new Agent(tenantId, extension, next, next == AgentState.BREAK ? aux : "", now,
                freed ? now : idleSince, until, Optional.empty(), "", version + 1);
    }

    Agent withPending(AgentState next, String aux) {
        return new Agent(tenantId, extension, state, auxCode, since, idleSince, wrapUpUntil, Optional.of(next), aux,
                version);
    }
}
