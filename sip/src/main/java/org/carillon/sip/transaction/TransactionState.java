package org.carillon.sip.transaction;

/**
 * States of the four transaction machines (RFC 3261 §17 figures 5–8, with RFC 6026's Accepted).
 *
 * <ul>
 * <li>INVITE client: CALLING → PROCEEDING → (COMPLETED | ACCEPTED) → TERMINATED; CALLING may skip
 *     PROCEEDING; any state may go to TERMINATED on timeout (B) or transport error.</li>
 * <li>Non-INVITE client: TRYING → PROCEEDING → COMPLETED → TERMINATED; TRYING may go straight to
 *     COMPLETED; TRYING/PROCEEDING go to TERMINATED on Timer F or transport error.</li>
 * <li>INVITE server: PROCEEDING → (COMPLETED → CONFIRMED | ACCEPTED) → TERMINATED.</li>
 * <li>Non-INVITE server: TRYING → PROCEEDING → COMPLETED → TERMINATED; TRYING may go straight
 *     to COMPLETED.</li>
 * </ul>
 */
public enum TransactionState {
    CALLING,
    TRYING,
    PROCEEDING,
    COMPLETED,
    CONFIRMED,
    ACCEPTED,
    TERMINATED
}
