package org.carillon.pbx.call;

import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.transaction.ServerTransaction;

import java.util.Optional;

/**
 * How a {@link Call} ends: hanging up both sides, a party's BYE, and the one place that releases everything and
 * writes the call's record. Part of the call's own logic, split out by topic: it runs on the call's executor and
 * changes the call's fields directly, like {@link Call} itself.
 */
final class Teardown {
    private Teardown() {
    }

    /** Hangs up both sides (BYE) or, before an answer, refuses the caller. */
    static void hangUp(Call c, String by) {
        if (c.state == CallState.ENDED) {
            return;
        }
        if (c.right == null) {
            if (c.ringing != null) {
                c.ringing.done = true;
                c.ringing.branches.forEach(CalleeLeg::stop);
            }
            if (c.caller.answered()) {
                c.caller.bye(); // an application had answered
                end(c, CallResult.ANSWERED, 200, by);
            } else {
                c.fail(480, CallResult.FAILED);
            }
            return;
        }
        if (c.ringing != null) {
            c.ringing.done = true;
            c.ringing.branches.forEach(CalleeLeg::stop);
        }
        c.left.bye();
        c.right.bye();
        end(c, CallResult.ANSWERED, 200, by);
    }

    /** {@code party} sent BYE. */
    static void hungUp(Call c, Party party) {
        if (c.state == CallState.ENDED) {
            return;
        }
        if (c.ringing != null && c.ringing.transferor.filter(t -> t == party).isPresent()) {
            return; // a blind transferor leaves once the REFER is accepted; the transfer goes on
        }
        if (c.parking != null && c.parking.isParker(party)) {
            c.parking.parkerLeft(); // the parked party waits on
            return;
        }
        if (party != c.left && party != c.right) {
            return; // a branch that lost a race, or an old party
        }
        Party other = party == c.left ? c.right : c.left;
        if (c.ringing != null) {
            c.ringing.done = true;
            c.ringing.branches.forEach(CalleeLeg::stop);
            c.ringing.media.close();
            c.ringing = null;
        }
        if (other != null) {
            other.bye();
        }
        end(c, CallResult.ANSWERED, 200, party == c.caller || party == c.left ? "caller" : "callee");
    }

    /**
     * Ends the call, once: refuses a caller still unanswered, cancels its timers, releases its media (but not what was
     * handed to another call), frees a parking slot and writes the call's record ({@code by}: who ended it).
     */
    static void end(Call c, CallResult result, int status, String by) {
        if (c.state == CallState.ENDED) {
            return;
        }
        c.state = CallState.ENDED;
        if (c.offer != null) {
            c.offer.cancel();
        }
        if (!c.caller.finalSent()) {
            c.caller.reject(status);
        }
        c.timers.forEach(SipScheduler.Timeout::cancel);
        if (c.callerMedia != null && c.handedOut != c.caller) {
            c.callerMedia.close();
        }
        c.gone.complete(null);
        c.stopCallerPlayer();
        c.stopHoldMusic();
        c.unbridge();
        if (c.handedOut != c.caller) {
            c.caller.close();
        }
        if (c.right instanceof CallerLeg picker && picker != c.handedOut) {
            picker.close();
        }
        if (c.left instanceof CallerLeg retriever && retriever != c.caller && retriever != c.handedOut) {
            retriever.close(); // took a parked caller's other side
        }
        if (c.parking != null) {
            Parking p = c.parking;
            c.parking = null;
            p.ended();
        }
        for (Attempt a : c.attempts) {
            if (c.handedOut == null || a.media != c.handedOut.media()) {
                a.media.close();
            }
        }
        c.adopted.forEach(Teardown::closeMedia);
        c.service.ended(c, new CallRecord(c.id, c.tenant.id(), c.callerAccount.number(), c.dialled,
                Optional.ofNullable(c.answeredAt == null ? null : c.calleeNumber), c.startedAt,
                Optional.ofNullable(c.answeredAt),
                c.service.clock().instant(), c.answeredAt != null ? CallResult.ANSWERED : result,
                c.answeredAt != null ? 200 : status, by, c.transfers), c.aliases);
    }

    static void closeMedia(Party p) {
        if (p instanceof CallerLeg leg) {
            leg.close();
        } else {
            p.media().close();
        }
    }

    /** The caller's CANCEL (RFC 3261 §9.2): before an answer the call ends with 487. */
    static void onCancelled(Call c, ServerTransaction tx) {
        if (!c.caller.isInviteTransaction(tx)) {
            return; // a picker's INVITE: it was answered or refused already on this executor
        }
        c.caller.cancelled();
        if (c.state == CallState.ENDED || c.right != null) {
            return;
        }
        if (c.ringing != null) {
            c.ringing.done = true;
            c.ringing.branches.forEach(CalleeLeg::stop);
        }
        end(c, CallResult.CANCELLED, 487, "caller");
    }
}
