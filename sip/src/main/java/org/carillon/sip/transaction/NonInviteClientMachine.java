package org.carillon.sip.transaction;

import static org.carillon.sip.transaction.TransactionState.COMPLETED;
import static org.carillon.sip.transaction.TransactionState.PROCEEDING;
import static org.carillon.sip.transaction.TransactionState.TERMINATED;
import static org.carillon.sip.transaction.TransactionState.TRYING;

import java.time.Duration;
import org.carillon.sip.clock.SipScheduler;

/**
 * Non-INVITE client transaction, RFC 3261 §17.1.2: Timer E retransmits (doubling to T2, and at
 * T2 once a provisional arrived), Timer F gives up, Timer K absorbs response retransmissions.
 *
 * @param <R> the response type; the machine only reads its status code
 */
final class NonInviteClientMachine<R> extends TransactionMachine {

    /** What the machine asks of its owner; called under the machine's monitor. */
    interface Actions<R> {
        void transmit(boolean retransmission);

        void pass(R response);

        /** Timer F fired (the TU treats it as 408). */
        void timedOut();

        void transportFailed();

        void terminated();
    }

    private final Actions<R> actions;
    private Duration intervalE;

    NonInviteClientMachine(SipScheduler scheduler, TimerConfig timers, boolean reliable, Actions<R> actions) {
        super(scheduler, timers, reliable, TRYING);
        this.actions = actions;
    }

    /** Sends the request and arms Timers E (unreliable only) and F. */
    synchronized void start() {
        actions.transmit(false);
        if (!reliable) {
            intervalE = timers.t1();
            arm(Timer.E, intervalE);
        }
        arm(Timer.F, timers.transactionTimeout());
    }

    synchronized void onResponse(int status, R response) {
        TransactionState s = current();
        if (s != TRYING && s != PROCEEDING) {
            return; // COMPLETED absorbs retransmitted responses until Timer K
        }
        if (status < 200) {
            enter(PROCEEDING);
            actions.pass(response);
            return;
        }
        cancel(Timer.E);
        cancel(Timer.F);
        enter(COMPLETED);
        actions.pass(response);
        arm(Timer.K, timers.timerIorK(reliable));
    }

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
            case E -> {
                actions.transmit(true);
                // §17.1.2.2: doubling capped at T2 while Trying; a flat T2 once Proceeding
                intervalE = current() == PROCEEDING ? timers.t2() : timers.doubledCapped(intervalE);
                arm(Timer.E, intervalE);
            }
            case F -> {
                actions.timedOut();
                enter(TERMINATED);
            }
            case K -> enter(TERMINATED);
            default -> throw new IllegalStateException("timer " + timer + " is not a non-INVITE client timer");
        }
    }

    @Override
    protected void onTerminated() {
        actions.terminated();
    }
}
