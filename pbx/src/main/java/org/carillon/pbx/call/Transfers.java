package org.carillon.pbx.call;

import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.uri.SipUri;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Blind transfer by REFER (RFC 3515): the transferor's REFER is accepted (202), the party that stays hears music
 * on hold while the target rings, the transferor is told the progress in {@code message/sipfrag} NOTIFYs (100
 * Trying, then the final status), and on answer the target takes the transferor's place in the same call — so the
 * call keeps its history, with the transfer listed. A transferor that already hung up does not stop it; a failed
 * transfer gives the call back to a transferor still there, or ends it. A Refer-To with Replaces is an attended
 * transfer ({@link AttendedTransfer}). Call executor only.
 */
final class Transfers {
    private Transfers() {
    }

    static void refer(Call call, ServerTransaction tx, Party transferor) {
        if (call.right() == null || (transferor != call.left() && transferor != call.right())
                || call.ringingAttempt().isPresent() || call.parking() != null) {
            tx.respond(491); // nothing to transfer, or a transfer is already under way (RFC 3261 §14.1 in spirit)
            return;
        }
        Optional<SipUri> target = referTo(tx.request());
        if (target.isEmpty() || target.get().user().isEmpty()) {
            tx.respond(400);
            return;
        }
        boolean namesReplaces = target.get().headers()
                .map(h -> h.toLowerCase(java.util.Locale.ROOT).contains("replaces=")).orElse(false);
        Optional<AttendedTransfer.Replaces> replaces = target.get().headers()
                .flatMap(AttendedTransfer.Replaces::fromUriHeaders);
        if (namesReplaces && replaces.isEmpty()) {
            tx.respond(400); // a Replaces without Call-ID and both tags names no dialog (RFC 3891 §6.1)
            return;
        }
        if (Parking.refer(call, tx, transferor, target.get().user().get())) {
            return; // to the park number or a slot
        }
        SipResponse accepted = tx.request().createResponse(202);
        accepted.headers().add(HeaderName.CONTACT, call.service().signalling().contact(transferor.number(),
                transferor.transport()));
        tx.respond(accepted);
        notify(transferor, "SIP/2.0 100 Trying", false);
        if (replaces.isPresent()) {
            AttendedTransfer.refer(call, transferor, replaces.get());
        } else {
            blindTo(call, transferor, target.get().user().get());
        }
    }

    /** The party that stays hears music on hold while {@code number} rings for the transferor's place. */
    static void blindTo(Call call, Party transferor, String number) {
        if (call.state() == CallState.ENDED) {
            return;
        }
        if (transferor != call.left() && transferor != call.right() || call.ringingAttempt().isPresent()) {
            notify(transferor, "SIP/2.0 491 Request Pending", true); // the call changed meanwhile
            return;
        }
        Party stays = transferor == call.left() ? call.right() : call.left();
        call.playHoldMusic(stays);
        if (!Ringing.ring(call, number, stays, Optional.of(transferor))) {
            notify(transferor, "SIP/2.0 404 Not Found", true);
            replace(call, transferor, transferor);
        }
    }

    /** The target answered: it takes the transferor's place. */
    static void completed(Call call, Attempt attempt, Party target) {
        if (call.parking() != null && call.parking().ringingBack()) {
            call.parking().ringBackAnswered(target);
            return;
        }
        Party transferor = attempt.transferor.orElseThrow();
        call.transfers().add("blind:" + attempt.number);
        if (transferor.up()) {
            notify(transferor, "SIP/2.0 200 OK", true);
            transferor.bye();
        }
        replace(call, transferor, target);
    }

    /** Nobody answered the target: back to the transferor if it is still there, else the call ends. */
    static void failed(Call call, Attempt attempt, int status) {
        if (call.parking() != null && call.parking().ringingBack()) {
            call.parking().ringBackFailed();
            return;
        }
        Party transferor = attempt.transferor.orElseThrow();
        if (transferor.up()) {
            notify(transferor, "SIP/2.0 " + status + " "
                    + org.carillon.sip.message.ReasonPhrases.of(status), true);
            replace(call, transferor, transferor);
        } else {
            endAfterTransfer(call, "system");
        }
    }

    private static Optional<SipUri> referTo(SipRequest refer) {
        try {
            return refer.headers().first(HeaderName.REFER_TO).map(Address::parse)
                    .filter(a -> a.uri() instanceof SipUri).map(a -> (SipUri) a.uri());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** A NOTIFY of the implicit refer subscription (RFC 3515 §2.4.4) with a sipfrag status line. */
    static void notify(Party transferor, String statusLine, boolean done) {
        if (!transferor.up()) {
            return;
        }
        transferor.dialog().ifPresent(d -> {
            SipRequest n = d.createRequest(SipMethod.NOTIFY);
            n.headers().add(HeaderName.EVENT, "refer");
            n.headers().add(HeaderName.SUBSCRIPTION_STATE, done ? "terminated;reason=noresource" : "active;expires=60");
            n.setBody((statusLine + "\r\n").getBytes(StandardCharsets.US_ASCII),
                    Optional.of("message/sipfrag;version=2.0"));
            transferor.send(n);
        });
    }

    /** {@code replaced} leaves; {@code by} takes its place, bridged with the party that stayed. */
    static void replace(Call c, Party replaced, Party by) {
        if (replaced == c.caller && by != c.caller) {
            Call.cancel(c.sessionTimer); // the caller's refreshes (RFC 4028) end with its dialog
            c.sessionInterval = Duration.ZERO;
        }
        if (replaced == c.left) {
            c.left = by;
        } else {
            c.right = by;
        }
        if (by == c.right) {
            c.calleeNumber = by.number();
        }
        c.heldBy = null;
        c.stopHoldMusic();
        c.bridge(c.left, c.right);
        c.state = CallState.ANSWERED;
        c.service.changed(c);
    }

    /** Ends the call from a transfer that left nobody to talk to. */
    static void endAfterTransfer(Call c, String by) {
        if (c.left != null) {
            c.left.bye();
        }
        if (c.right != null) {
            c.right.bye();
        }
        Teardown.end(c, CallResult.ANSWERED, 200, by);
    }
}
