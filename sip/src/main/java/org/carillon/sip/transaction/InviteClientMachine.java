package org.carillon.sip.transaction;

import static org.carillon.sip.transaction.TransactionState.ACCEPTED;
import static org.carillon.sip.transaction.TransactionState.CALLING;
import static org.carillon.sip.transaction.TransactionState.COMPLETED;
import static org.carillon.sip.transaction.TransactionState.PROCEEDING;
import static org.carillon.sip.transaction.TransactionState.TERMINATED;

import java.time.Duration;
import org.carillon.sip.clock.SipScheduler;

/**
 * INVITE client transaction, RFC 3261 §17.1.1 as changed by RFC 6026 §7.2 (2xx moves to
 * ACCEPTED, where further 2xx are passed up so the TU can re-ACK, until Timer M). The owner may
 * take the Accepted state over at the first 2xx ({@link Actions#handOff}): passing 2xx up needs
 * only the key and the listener, so the machine then ends at once.
 *
 * @param <R> the response type; the machine only reads its status code
 */
final class InviteClientMachine<R> extends TransactionMachine {

    /** What the machine asks of its owner; called under the machine's monitor. */
    interface Actions<R> {
        /** (Re)send the INVITE; {@code retransmission} is false the first time. */
        void transmit(boolean retransmission);

        /** Send the ACK for a 300–699 response (§17.1.1.3); {@code retransmission} when it answers a repeat. */
        void ack(R finalResponse, boolean retransmission);

        /** Give a response to the TU. */
        void pass(R response);

        /** Timer B fired: no final response (the TU treats it as 408). */
        void timedOut();

        /** The transport could not send (§17.1.1.2: treat as 503). */
        void transportFailed();

        /** The machine reached TERMINATED; remove it from the table. */
        void terminated();

        /**
         * The first 2xx arrived: may the owner pass further 2xx up until Timer M without the machine
         * (RFC 6026 §7.2)? If so the machine ends at once and keeps nothing.
         */
        default boolean handOff() {
            return false;
        }
    }

    private final Actions<R> actions;
    private Duration intervalA;
    private boolean handedOff;

    InviteClientMachine(SipScheduler scheduler, TimerConfig timers, boolean reliable, Actions<R> actions) {
        super(scheduler, timers, reliable, CALLING);
        this.actions = actions;
    }

    /** Sends the INVITE and arms Timers A (unreliable only) and B. */
    synchronized void start() {
        actions.transmit(false);
        if (!reliable) {
            intervalA = timers.t1();
            arm(Timer.A, intervalA);
        }
        arm(Timer.B, timers.transactionTimeout());
    }

    /** A response matched to this transaction (§17.1.3). */
    synchronized void onResponse(int status, R response) {
        TransactionState s = current();
        if (status < 200) {
            if (s == CALLING || s == PROCEEDING) {
                cancel(Timer.A);
                cancel(Timer.B); // §17.1.1.2: B only bounds the Calling state
                enter(PROCEEDING);
                actions.pass(response);
            }
        } else if (status < 300) {
            if (s == CALLING || s == PROCEEDING) {
                cancel(Timer.A);
                cancel(Timer.B);
                enter(ACCEPTED);
                if (actions.handOff()) {
                    handedOff = true; // Accepted lives on in the owner's table: this machine has nothing left to do
                    enter(TERMINATED);
                } else {
                    arm(Timer.M, timers.transactionTimeout());
                }
                actions.pass(response);
            } else if (s == ACCEPTED || handedOff) {
                actions.pass(response); // RFC 6026 §7.2: retransmitted 2xx go to the TU, which re-ACKs
            }
        } else {
            if (s == CALLING || s == PROCEEDING) {
                cancel(Timer.A);
                cancel(Timer.B);
                enter(COMPLETED);
                actions.ack(response, false);
                actions.pass(response);
                arm(Timer.D, timers.timerD(reliable));
            } else if (s == COMPLETED) {
                actions.ack(response, true); // absorbed: re-ACK, not passed up
            }
        }
    }

    /** The transport failed to send the INVITE or the ACK. */
    synchronized void onTransportError() {
        if (current() == TERMINATED) {
            return;
        }
        actions.transportFailed();
        enter(TERMINATED);
    }

    @Override
    protected void fire(Timer timer) {
        switch (timer) {
            case A -> {
                if (current() == CALLING) {
                    actions.transmit(true);
                    intervalA = TimerConfig.times(intervalA, 2); // §17.1.1.2: INVITE doubling has no T2 cap
                    arm(Timer.A, intervalA);
                }
            }
            case B -> {
                if (current() == CALLING) {
                    actions.timedOut();
                    enter(TERMINATED);
                }
            }
            case D, M -> enter(TERMINATED);
            default -> throw new IllegalStateException("timer " + timer + " is not an INVITE client timer");
        }
    }

    @Override
    protected void onTerminated() {
        actions.terminated();
    }
}
