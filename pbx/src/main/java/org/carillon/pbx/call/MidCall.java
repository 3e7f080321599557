package org.carillon.pbx.call;

import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link Call} once connected: re-INVITEs and UPDATEs answered locally (media is anchored), hold and resume, and
 * the caller's session timer (RFC 4028). Part of the call's own logic, split out by topic: it runs on the call's
 * executor and changes the call's fields directly, like {@link Call} itself.
 */
final class MidCall {
    private MidCall() {
    }

    /** A re-INVITE or UPDATE: answered locally (media is anchored); sendonly/inactive means hold. */
    static void reoffer(Call c, ServerTransaction tx, Party party) {
        Optional<SessionDescription> offer = Call.safeSdp(tx.request());
        SessionDescription answer = null;
        try {
            if (offer.isPresent()) {
                answer = party.reanswer(offer.get());
            }
        } catch (OfferAnswerException e) {
            tx.respond(488);
            return;
        }
        SipResponse ok = tx.request().createResponse(200);
        ok.headers().add(HeaderName.CONTACT, c.service.signalling().contact(party.number(), party.transport()));
        if (answer != null) {
            Signalling.body(ok, answer);
        }
        if (party == c.caller && !c.sessionInterval.isZero()) {
            ok.headers().add(HeaderName.SESSION_EXPIRES, c.sessionInterval.toSeconds() + ";refresher=uac");
            armSessionTimer(c);
        } else if (party instanceof CalleeLeg leg) {
            leg.refreshedByPeer(tx.request()).ifPresent(se -> SessionRefresh.confirm(tx.request(), ok, se));
        }
        tx.respond(ok);
        if (offer.isPresent() && (party == c.left || party == c.right) && c.right != null && c.ringing == null
                && c.parking == null) {
            var m = offer.get().media().getFirst();
            boolean holds = !Direction.of(offer.get(), m).receives() || offer.get().connectionFor(m)
                    .map(conn -> conn.unspecified()).orElse(false);
            hold(c, party, holds);
        }
    }

    private static void hold(Call c, Party by, boolean holds) {
        if (holds == (c.heldBy == by)) {
            return;
        }
        if (holds) {
            c.heldBy = by;
            c.playHoldMusic(by == c.left ? c.right : c.left);
            c.state = CallState.ON_HOLD;
        } else {
            c.heldBy = null;
            c.stopHoldMusic();
            c.bridge(c.left, c.right);
            c.state = CallState.ANSWERED;
        }
        c.service.changed(c);
    }

    /** The caller asked for session timers: we accept its interval (at most ours) and let it refresh. */
    static Optional<String> sessionExpires(Call c) {
        Duration ours = c.service.settings().sessionExpires();
        Optional<String> theirs = c.caller.sessionExpiresAsked();
        if (ours.isZero() || theirs.isEmpty()) {
            return Optional.empty();
        }
        try {
            long asked = Long.parseLong(theirs.get().split(";")[0].trim());
            c.sessionInterval = Duration.ofSeconds(Math.max(90, Math.min(asked, ours.toSeconds())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        armSessionTimer(c);
        return Optional.of(c.sessionInterval.toSeconds() + ";refresher=uac");
    }

    /** §10: without a refresh, BYE a little before the interval ends (the lesser of 32 s and a third). */
    static void armSessionTimer(Call c) {
        Call.cancel(c.sessionTimer);
        long s = c.sessionInterval.toSeconds();
        c.sessionTimer = c.schedule(Duration.ofSeconds(s - Math.min(32, s / 3)), () -> c.hangUp("system"));
    }
}
