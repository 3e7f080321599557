package org.carillon.pbx.registrar;

import java.util.List;

/** The registrar's decision on one REGISTER. */
sealed interface RegisterOutcome {

    /** 200 OK listing every current binding of the address of record (RFC 3261 §10.3 step 8). */
    record Accepted(List<Binding> bindings, boolean changed) implements RegisterOutcome {
    }

    /**
     * Refused with {@code status}: 400 (bad wildcard), 423 (expiry below {@code minExpires}, RFC 3261 §10.3 step
     * 7), 500 (an out-of-order CSeq for a known Call-ID, §10.3 step 7).
     */
    record Rejected(int status, long minExpires) implements RegisterOutcome {
    }
}
