package org.carillon.sip.transaction;

import static org.carillon.sip.transaction.TransactionState.ACCEPTED;
import static org.carillon.sip.transaction.TransactionState.COMPLETED;
import static org.carillon.sip.transaction.TransactionState.CONFIRMED;
import static org.carillon.sip.transaction.TransactionState.PROCEEDING;
import static org.carillon.sip.transaction.TransactionState.TERMINATED;

import java.time.Duration;
import org.carillon.sip.clock.SipScheduler;

/**
 * INVITE server transaction, RFC 3261 §17.2.1 as changed by RFC 6026 §7.1 (a 2xx moves to
 * ACCEPTED for Timer L instead of terminating; the TU retransmits the 2xx itself). The owner may
 * take the Accepted state over once the first 2xx is sent ({@link ServerActions#handOff}): all
 * that state does is absorb retransmitted INVITEs until Timer L, which the owner can do from the
 * key alone, so the machine then ends at once. The TU's own 2xx retransmissions still go out
 * through it. Likewise for the Confirmed state over UDP ({@link ServerActions#handOffConfirmed}):
 * it only absorbs retransmitted ACKs and INVITEs until Timer I.
 *
 * @param <R> the response type; the machine only reads its status code
 */
final class InviteServerMachine<R> extends TransactionMachine {

    /** §17.2.1: send 100 Trying if the TU has not answered within 200 ms. */
    static final Duration TRYING_DELAY = Duration.ofMillis(200);

    private final ServerActions<R> actions;
    private R lastProvisional;
    private R lastFinal;
    private Duration intervalG;
    private boolean handedOff;

    InviteServerMachine(SipScheduler scheduler, TimerConfig timers, boolean reliable, ServerActions<R> actions) {
        super(scheduler, timers, reliable, PROCEEDING);
        this.actions = actions;
    }

    /** Arms the 100 Trying timer; call once, after the request was handed to the TU. */
    synchronized void start() {
        arm(Timer.TRYING_100, TRYING_DELAY);
    }

    /** The INVITE arrived again. */
    synchronized void onRequestRetransmit() {
        switch (current()) {
            case PROCEEDING -> {
                if (lastProvisional != null) {
                    actions.send(lastProvisional, true);
                } else {
                    actions.absorbed();
                }
            }
            case COMPLETED -> actions.send(lastFinal, true);
            default -> actions.absorbed();
        }
    }

    /**
     * An ACK matched this transaction (i.e. the ACK for a non-2xx final response).
     *
     * @return true if the TU should see it (RFC 6026: an ACK in the Accepted state)
     */
    synchronized boolean onAck() {
        if (handedOff) {
            return true; // still Accepted, in the owner's table
        }
        switch (current()) {
            case COMPLETED -> {
                cancel(Timer.G);
                cancel(Timer.H);
                enter(CONFIRMED);
                if (!reliable && actions.handOffConfirmed()) {
                    lastFinal = null; // Confirmed lives on in the owner's table, by key, until Timer I
                    enter(TERMINATED);
                    return false;
                }
                arm(Timer.I, timers.timerIorK(reliable));
                return false;
            }
            case ACCEPTED -> {
                return true;
            }
            default -> {
                actions.absorbed();
                return false;
            }
        }
    }

    /**
     * The TU's response.
     *
     * @return true when this response moved the transaction to ACCEPTED (the first 2xx)
     * @throws IllegalStateException if a final response was already sent (a 2xx may be repeated
     *                               while ACCEPTED, as §13.3.1.4 has the TU do)
     */
    synchronized boolean respond(int status, R response) {
        return respond(status, response, () -> { });
    }

    /**
     * Like {@link #respond(int, Object)}; for the first 2xx, {@code onAccepted} runs after the move to ACCEPTED and
     * <em>before</em> the 2xx is sent, so whatever must see the ACK (the UAS core's 2xx retransmission, §13.3.1.4)
     * is in place before the ACK can arrive: on loopback it can come back before the sending thread runs again.
     */
    synchronized boolean respond(int status, R response, Runnable onAccepted) {
        TransactionState s = current();
        if ((s == ACCEPTED || handedOff) && status >= 200 && status < 300) {
            actions.send(response, true);
            return false;
        }
        if (s != PROCEEDING) {
            throw new IllegalStateException("INVITE transaction is " + s + "; cannot send " + status);
        }
        cancel(Timer.TRYING_100);
        if (status < 200) {
            lastProvisional = response;
            actions.send(response, false);
        } else if (status < 300) {
            enter(ACCEPTED);
            onAccepted.run();
            actions.send(response, false);
            if (actions.handOff(response)) {
                handedOff = true; // Accepted lives on in the owner's table, by key: this machine keeps nothing
                enter(TERMINATED);
                return true;
            }
            arm(Timer.L, timers.transactionTimeout());
            return true;
        } else {
            lastFinal = response;
            enter(COMPLETED);
            actions.send(response, false);
            if (!reliable) {
                intervalG = timers.t1();
                arm(Timer.G, intervalG);
            }
            arm(Timer.H, timers.transactionTimeout());
        }
        return false;
    }

    synchronized void onTransportError() {
        if (handedOff) {
            // a 2xx failed after the hand-off: report it as Accepted would have (RFC 6026 §8.7), once
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
            case TRYING_100 -> {
                if (current() == PROCEEDING && lastProvisional == null) {
                    actions.sendTrying();
                }
            }
            case G -> {
                if (current() == COMPLETED) {
                    actions.send(lastFinal, true);
                    intervalG = timers.doubledCapped(intervalG);
                    arm(Timer.G, intervalG);
                }
            }
            case H -> {
                actions.timedOut();
                enter(TERMINATED);
            }
            case I, L -> enter(TERMINATED);
            default -> throw new IllegalStateException("timer " + timer + " is not an INVITE server timer");
        }
    }

    @Override
    protected void onTerminated() {
        actions.terminated();
    }
}
