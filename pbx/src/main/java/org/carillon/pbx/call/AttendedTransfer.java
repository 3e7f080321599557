package org.carillon.pbx.call;

import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.dialog.DialogId;
import org.carillon.sip.uri.Escapes;

import java.util.Locale;
import java.util.Optional;

/**
 * Attended transfer (RFC 5589 §7): the transferor talks to the transferee in one call, consults the target in a
 * second call, then sends REFER in the first with {@code Refer-To: <target?Replaces=...>} naming its own dialog
 * with the PBX in the second. As a B2BUA we do not send that INVITE on: the second call hands its remaining party
 * (the target) over to the first, where it takes the transferor's place — so the first call keeps its history, with
 * {@code attended:<target>} listed, and the second ends with {@code attended-out:<target>}. Both of the transferor's
 * dialogs are ended with BYE, after a {@code 200} sipfrag NOTIFY on the REFER's subscription.
 *
 * <p>Consulted but not yet answered (the "semi-attended" transfer phones send when the user presses transfer while
 * the target still rings): the ringing second call is cancelled and the first becomes a blind transfer to the same
 * number. A Replaces naming no live dialog of the transferor's own extension in the same tenant is answered with a
 * {@code 481} sipfrag and nothing changes.
 *
 * <p>Threads: {@link #refer} runs on the first call's executor and hands the work to the second's; the second hands
 * the outcome back. A party moves between calls only through those two hops, in order.
 */
final class AttendedTransfer {
    private AttendedTransfer() {
    }

    /**
     * The dialog a Replaces names (RFC 3891 §6.1): its Call-ID and two tags.
     */
    record Replaces(String callId, String toTag, String fromTag) {

        /** True when {@code dialog} is the one named, seen from either side (the tags may come in either order). */
        boolean names(DialogId dialog) {
            return dialog.callId().equals(callId)
                    && (dialog.localTag().equals(toTag) && dialog.remoteTag().equals(fromTag)
                    || dialog.localTag().equals(fromTag) && dialog.remoteTag().equals(toTag));
        }

        /**
         * The Replaces carried in a Refer-To URI's headers ({@code ?Replaces=<escaped value>&...}).
         *
         * @return empty when there is none, or it lacks a Call-ID or either tag
         */
        static Optional<Replaces> fromUriHeaders(String headers) {
            for (String header : headers.split("&")) {
                int eq = header.indexOf('=');
                if (eq > 0 && header.substring(0, eq).trim().equalsIgnoreCase("Replaces")) {
                    return parse(Escapes.unescape(header.substring(eq + 1)));
                }
            }
            return Optional.empty();
        }

        /** A Replaces header value: {@code call-id *(;to-tag=x / ;from-tag=y / ;early-only / ;generic-param)}. */
        static Optional<Replaces> parse(String value) {
            String[] parts = value.split(";");
            String callId = parts[0].trim();
            String to = null;
            String from = null;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
                String v = p.substring(eq + 1).trim();
                if (name.equals("to-tag")) {
                    to = v;
                } else if (name.equals("from-tag")) {
                    from = v;
                }
            }
            if (callId.isEmpty() || to == null || from == null || to.isEmpty() || from.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Replaces(callId, to, from));
        }
    }

    /** The REFER with Replaces was accepted (202 sent): find the consulted call and ask it for its other party. */
    static void refer(Call call, Party transferor, Replaces replaces) {
        Optional<Call> consulted = call.service().registry().findByCallId(replaces.callId())
                .filter(c -> c != call && c.tenantId() == call.tenantId());
        if (consulted.isEmpty()) {
            failed(call, transferor, 481);
            return;
        }
        Call other = consulted.get();
        String number = transferor.number();
        other.executor().execute(() -> handOver(other, replaces, number, call, transferor));
    }

    /** Back on the first call: the consulted call refused (nothing there to hand over). */
    static void failed(Call call, Party transferor, int status) {
        Transfers.notify(transferor, "SIP/2.0 " + status + " " + org.carillon.sip.message.ReasonPhrases.of(status),
                true);
    }

    /** Back on the first call: the target arrives from the consulted call and takes the transferor's place. */
    static void completed(Call call, Party transferor, Party target) {
        if (!adopt(call, transferor, target)) {
            return; // this call ended meanwhile: the target was sent BYE
        }
        Transfers.notify(transferor, "SIP/2.0 200 OK", true);
        transferor.bye();
    }

    /**
     * Attended transfer, on the consulted call: the transferor's dialog here is the one {@code replaces} names; the
     * other party moves to {@code into} (or, while the target still rings, this call is cancelled and {@code into}
     * rings the same number as a blind transfer). See {@link AttendedTransfer}.
     */
    static void handOver(Call c, Replaces replaces, String transferorNumber, Call into, Party intoTransferor) {
        Optional<Party> named = c.partyOf(replaces.callId()).filter(p -> p == c.left || p == c.right)
                .filter(p -> p.number().equals(transferorNumber))
                .filter(p -> dialogId(p).map(replaces::names).orElse(false));
        if (c.state == CallState.ENDED || named.isEmpty()) {
            into.executor().execute(() -> failed(into, intoTransferor, 481));
            return;
        }
        if (named.get() == c.caller && c.ringing()) {
            String number = c.ringing.number; // semi-attended: the target still rings for the transferor
            c.ringing.done = true;
            c.ringing.branches.forEach(CalleeLeg::stop);
            c.transfers.add("attended-ringing:" + number);
            Teardown.end(c, CallResult.CANCELLED, 487, "transfer");
            into.executor().execute(() -> Transfers.blindTo(into, intoTransferor, number));
            return;
        }
        Party keep = named.get() == c.left ? c.right : c.left;
        if (keep == null || c.ringing != null) {
            into.executor().execute(() -> failed(into, intoTransferor, 491));
            return;
        }
        c.handedOut = keep;
        c.handedTo = into;
        c.transfers.add("attended-out:" + keep.number());
        named.get().bye();
        // let go of the target's media before the other call bridges it
        c.unbridge();
        c.stopHoldMusic();
        c.stopCallerPlayer();
        // queued on the other call before its dialog is routed there, so it arrives before any of its requests
        into.executor().execute(() -> AttendedTransfer.completed(into, intoTransferor, keep));
        c.service.registry().alias(keep.callId(), into);
        Teardown.end(c, CallResult.ANSWERED, 200, "transfer");
    }

    /** The dialog identifiers of a party; a caller not yet answered has ours (its To tag) already. */
    private static Optional<DialogId> dialogId(Party p) {
        if (p.dialog().isPresent()) {
            return p.dialog().map(Dialog::id);
        }
        return p instanceof CallerLeg c ? Optional.of(new DialogId(c.callId(), c.tag(),
                c.remoteTag())) : Optional.empty();
    }

    /**
     * Attended transfer, on the transferor's call: {@code target} (from the consulted call) takes the transferor's
     * place. @return false when this call can no longer take it (it ended, or changed): the target is sent BYE
     */
    static boolean adopt(Call c, Party transferor, Party target) {
        c.adopted.add(target);
        if (c.state == CallState.ENDED || transferor != c.left && transferor != c.right || c.ringing != null) {
            target.bye();
            Teardown.closeMedia(target);
            return false;
        }
        c.aliases.add(target.callId()); // its dialog is routed here now; forgotten with this call
        c.transfers.add("attended:" + target.number());
        c.watchRtp(target);
        Transfers.replace(c, transferor, target);
        return true;
    }
}
