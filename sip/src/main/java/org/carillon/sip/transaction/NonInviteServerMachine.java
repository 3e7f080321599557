package org.carillon.sip.transaction;

import static org.carillon.sip.transaction.TransactionState.COMPLETED;
import static org.carillon.sip.transaction.TransactionState.PROCEEDING;
import static org.carillon.sip.transaction.TransactionState.TERMINATED;
import static org.carillon.sip.transaction.TransactionState.TRYING;

import org.carillon.sip.clock.SipScheduler;

/**
 * Non-INVITE server transaction, RFC 3261 §17.2.2: absorbs request retransmissions (re-sending
 * the last response once there is one) until Timer J. A guard the RFC leaves out: if the TU has
 * not answered within 64·T1 (the client gave up at Timer F by then), the transaction ends and
 * the TU is told, so an application that never answers cannot pin transactions forever. On an
 * unreliable transport the owner may take over the Completed state once the final response is
 * sent ({@link ServerActions#handOff}): the machine then ends at once.
 *
 * @param <R> the response type; the machine only reads its status code
 */
final class NonInviteServerMachine<R> extends TransactionMachine {

    private final ServerActions<R> actions;
    private R last;
    private boolean handedOff;

    NonInviteServerMachine(SipScheduler scheduler, TimerConfig timers, boolean reliable, ServerActions<R> actions) {
        super(scheduler, timers, reliable, TRYING);
        this.actions = actions;
    }

    /** Arms the TU guard; call once, after the request was handed to the TU. */
    synchronized void start() {
        arm(Timer.TU_GUARD, timers.transactionTimeout());
    }

    synchronized void onRequestRetransmit() {
        if (last != null && current() != TERMINATED) {
            actions.send(last, true);
        } else {
            actions.absorbed(); // Trying: §17.2.2 says discard
        }
    }

    /**
     * The TU's response.
     *
     * @throws IllegalStateException if a final response was already sent
     */
    synchronized void respond(int status, R response) {
        TransactionState s = current();
        if (s != TRYING && s != PROCEEDING) {
            throw new IllegalStateException("transaction is " + s + "; cannot send " + status);
        }
        last = response;
        if (status < 200) {
            enter(PROCEEDING);
            actions.send(response, false);
            return;
        }
        cancel(Timer.TU_GUARD);
        enter(COMPLETED);
        actions.send(response, false);
        if (!reliable && actions.handOff(response)) {
            handedOff = true; // Completed lives on in the owner's table: this machine has nothing left to do
            last = null;
            enter(TERMINATED);
            return;
        }
        arm(Timer.J, timers.timerJ(reliable));
    }

    synchronized void onTransportError() {
        if (handedOff) {
            // the final response failed after the hand-off: report it as Completed would have (§17.2.4), once
            handedOff = false;
            actions.transportFailed();
            return;
        }
        if (current() == TERMINATED) {
            return;
        }
        actions.transportFailed();
        enter(TERMINATED);
    }

    @Override
    protected void fire(Timer timer) {
        switch (timer) {
            case J -> enter(TERMINATED);
            case TU_GUARD -> {
                actions.timedOut();
                enter(TERMINATED);
            }
            default -> throw new IllegalStateException("timer " + timer + " is not a non-INVITE server timer");
        }
    }

    @Override
    protected void onTerminated() {
        actions.terminated();
    }
}
