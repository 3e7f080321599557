package org.carillon.pbx.call;

import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.port.PortRangeExhaustedException;
import org.carillon.media.sdp.SdpParseException;
import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.sip.transaction.ServerTransaction;

import java.util.List;
import java.util.Optional;

/**
 * Pickup: another extension's INVITE (*8, **&lt;ext&gt;, or an INVITE with Replaces) answers a {@link Call} that is
 * still ringing, in place of the callee. Part of the call's own logic, split out by topic: it runs on the ringing
 * call's executor and changes the call's fields directly, like {@link Call} itself.
 */
final class Pickup {
    private Pickup() {
    }

    /** {@code picker}'s INVITE answers this ringing call in place of the callee. */
    static void pickedUpBy(Call c, ServerTransaction tx, DeviceAccount picker) {
        CallerLeg p = new CallerLeg(c.service.signalling(), tx, picker.number(), picker.number());
        if (!c.ringing()) {
            p.reject(481); // it was answered or ended meanwhile
            c.service.registry().remove(c, List.of(p.callId()), false);
            return;
        }
        try {
            p.openMedia(c.service.media(), Optional.of(c.caller.media()));
        } catch (OfferAnswerException | SdpParseException | PortRangeExhaustedException e) {
            p.reject(488);
            return;
        }
        if (!p.answer(Optional.empty())) {
            p.close();
            return;
        }
        Attempt attempt = c.ringing;
        attempt.done = true;
        c.ringing = null;
        Call.cancel(attempt.noAnswer);
        attempt.branches.forEach(CalleeLeg::stop);
        attempt.media.close();
        c.stopCallerPlayer();
        if (!c.caller.answer(MidCall.sessionExpires(c))) {
            p.bye();
            p.close();
            Teardown.end(c, CallResult.CANCELLED, 487, "caller");
            return;
        }
        c.aliases.add(p.callId());
        c.service.registry().alias(p.callId(), c);
        c.right = p;
        c.watchRtp(p);
        c.calleeNumber = picker.number();
        c.transfers.add("pickup:" + picker.number());
        c.answeredAt = c.service.clock().instant();
        c.state = CallState.ANSWERED;
        c.bridge(c.left, c.right);
        c.schedule(c.service.settings().maxDuration(), () -> c.hangUp("system"));
        c.service.changed(c);
    }
}
