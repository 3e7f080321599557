package org.carillon.pbx.call;

import org.carillon.media.codec.AudioFormat;
import org.carillon.media.offer.AudioOfferer;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.offer.SdpSession;
import org.carillon.media.port.PortRangeExhaustedException;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.registrar.Binding;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Call}'s rounds of ringing: an {@link Attempt} forked to every registered contact of an extension, the
 * branches' responses (early media, the answer that wins, the failures), no answer, and forwarding by the
 * extension's {@link CallForwarding} rule. Part of the call's own logic, split out by topic: it runs on the call's
 * executor and changes the call's fields directly, like {@link Call} itself.
 */
final class Ringing {
    private static final Logger log = LoggerFactory.getLogger(Call.class);

    private Ringing() {
    }

    /**
     * Rings extension {@code number} on every registered contact; whoever answers is bridged to {@code stays}.
     *
     * @return false when nothing could ring (no such extension, unregistered, no ports): the caller decides what next
     */
    static boolean ring(Call c, String number, Party stays, Optional<Party> transferor) {
        Optional<DeviceAccount> callee = c.service.devices().findByNumber(c.tenant.id(), number);
        if (callee.isEmpty()) {
            if (transferor.isEmpty()) {
                c.handTo(Destination.unknownNumber(number));
            }
            return false;
        }
        List<Binding> bindings = c.service.registrar().bindings(callee.get().extensionId());
        Optional<CallForwarding.Rule> rule = transferor.isEmpty()
                ? Optional.of(c.service.forwarding().ruleFor(new CallForwarding.Request(c.tenant.id(), number,
                        c.callerAccount.number(), true, c.service.clock().instant())))
                : Optional.empty();
        if (bindings.isEmpty()) {
            if (transferor.isEmpty()) {
                c.calleeNumber = number;
                forward(c, rule.get().onUnregistered(), "unregistered", rule.get(), 480, CallResult.NO_ANSWER);
            }
            return false;
        }
        if (rule.isPresent() && rule.get().ringFor().isZero()) {
            c.calleeNumber = number;
            forward(c, rule.get().onNoAnswer(), "no_answer", rule.get(), 480, CallResult.NO_ANSWER);
            return true;
        }
        Attempt attempt;
        try {
            var media = c.service.media().engine().openLegBeside(stays.media());
            LocalAudio local = preferring(c.service.media().local(media.localPort()), stays.media().codec());
            SdpSession sdp = new SdpSession("carillon", c.service.media().address());
            attempt = new Attempt(number, stays, media, local, sdp, AudioOfferer.offer(local, sdp, Direction.SENDRECV),
                    transferor);
        } catch (PortRangeExhaustedException e) {
            if (transferor.isEmpty()) {
                c.fail(503, CallResult.FAILED);
            }
            return false;
        }
        c.attempts.add(attempt);
        attempt.rule = rule;
        c.ringing = attempt;
        if (transferor.isEmpty()) {
            c.calleeNumber = number;
            c.state = CallState.RINGING;
        }
        String domain = c.tenant.sipDomain();
        Address from = CalleeLeg.address(Optional.of(stays.number()), stays.number(), domain);
        Address to = CalleeLeg.address(Optional.empty(), number, domain);
        for (Binding b : bindings) {
            CalleeLeg branch = new CalleeLeg(c, attempt, c.service, b, from, to, stays.number(),
                    attempt.offer);
            attempt.branches.add(branch);
            c.aliases.add(branch.callId());
            c.service.registry().alias(branch.callId(), c);
            try {
                branch.start();
            } catch (RuntimeException e) {
                log.debug("call {}: branch to {} not sent: {}", c.id, b.target(), e.getMessage());
                branch.failed(503);
            }
        }
        attempt.noAnswer = c.schedule(rule.map(CallForwarding.Rule::ringFor).orElse(c.service.settings().noAnswer()),
                () -> noAnswer(c, attempt));
        c.service.changed(c);
        branchEnded(c, attempt);
        return true;
    }

    /** Our offer puts the staying party's codec first, so the relay need not transcode when it can. */
    static LocalAudio preferring(LocalAudio local, AudioFormat first) {
        var formats = new ArrayList<>(local.formats());
        if (formats.remove(first)) {
            formats.addFirst(first);
        }
        return new LocalAudio(local.address(), local.port(), formats, local.telephoneEventPayloadType(), local.ptime());
    }

    /** A branch's response, from its {@link CalleeLeg}: provisional, the answer, or a failure. */
    static void onBranchResponse(Call c, CalleeLeg branch, SipResponse r) {
        if (branch.attempt().offering != null) {
            branch.attempt().offering.onResponse(branch, r);
            return;
        }
        int status = r.statusCode();
        Attempt attempt = branch.attempt();
        if (status < 200) {
            branch.provisional(r);
            if (attempt == c.ringing && !attempt.done && !attempt.transfer() && status > 100 && !branch.stopping()) {
                earlyFrom(c, attempt, r);
            }
            return; // a late 1xx after the 2xx changes nothing (TESTING-TOOLS.md: reordered 180/200)
        }
        if (status < 300) {
            answeredBy(c, branch, r);
            return;
        }
        branch.failed(status);
        branchEnded(c, attempt);
    }

    /** A branch whose INVITE got no response: timed out (408) or not deliverable (503). */
    static void onBranchFailed(Call c, CalleeLeg branch, int status) {
        if (branch.attempt().offering != null) {
            branch.attempt().offering.onFailed(branch, status);
            return;
        }
        branch.failed(status);
        branchEnded(c, branch.attempt());
    }

    private static void earlyFrom(Call c, Attempt attempt, SipResponse r) {
        Optional<SessionDescription> sdp = Call.safeSdp(r);
        if (sdp.isPresent() && !attempt.earlyMediaBridged) {
            try {
                attempt.media.apply(AudioOfferer.accept(attempt.offer, sdp.get(), attempt.local)).join();
                c.stopCallerPlayer();
                c.connect(c.caller, attempt.media);
                attempt.earlyMediaBridged = true;
                c.caller.progress(183, true);
                return;
            } catch (OfferAnswerException e) {
                log.debug("call {}: early answer unusable: {}", c.id, e.getMessage());
            }
        }
        if (!c.caller.progressSent()) {
            // no early media from the callee: 180 without SDP, so the caller's phone plays local ringback
            // (RFC 3960 §3); the caller's media starts with the answer, and nothing of it is lost
            c.caller.progress(180, false);
        }
    }

    private static void answeredBy(Call c, CalleeLeg branch, SipResponse r) {
        if (!branch.confirm(r)) {
            return; // a retransmitted 2xx, ACKed again
        }
        Attempt attempt = branch.attempt();
        if (attempt != c.ringing || attempt.done || c.state == CallState.ENDED) {
            branch.bye(); // lost the race: another branch answered, or the caller hung up (§9.1 200/487 race)
            return;
        }
        NegotiatedAudio agreed;
        try {
            agreed = attempt.agreed(r);
        } catch (OfferAnswerException e) {
            log.debug("call {}: callee's answer unusable: {}", c.id, e.getMessage());
            branch.bye();
            branch.failed(488);
            branchEnded(c, attempt);
            return;
        }
        attempt.media.apply(agreed).join();
        attempt.done = true;
        c.ringing = null;
        Call.cancel(attempt.noAnswer);
        for (CalleeLeg other : attempt.branches) {
            if (other != branch) {
                other.stop();
            }
        }
        c.watchRtp(branch);
        if (attempt.transferor.isPresent()) {
            Transfers.completed(c, attempt, branch);
            return;
        }
        c.stopCallerPlayer();
        if (!c.caller.answer(MidCall.sessionExpires(c))) {
            branch.bye(); // the caller's CANCEL got in first
            Teardown.end(c, CallResult.CANCELLED, 487, "caller");
            return;
        }
        c.right = branch;
        c.answeredAt = c.service.clock().instant();
        c.state = CallState.ANSWERED;
        c.bridge(c.left, c.right);
        c.schedule(c.service.settings().maxDuration(), () -> c.hangUp("system"));
        c.service.changed(c);
    }

    /** When every branch failed: the most telling status (RFC 3261 §16.7 step 6 in spirit). */
    private static void branchEnded(Call c, Attempt attempt) {
        if (attempt != c.ringing || attempt.done || !attempt.allEnded()) {
            return;
        }
        int best = 0;
        for (CalleeLeg b : attempt.branches) {
            int s = b.finalStatus();
            if (s == 486 || s == 600) {
                best = 486;
                break;
            }
            if (best == 0 || (s == 408 || s == 480) && best != 480) {
                best = s == 408 ? 480 : s;
            }
        }
        attemptFailed(c, attempt, best == 0 ? 480 : best);
    }

    private static void noAnswer(Call c, Attempt attempt) {
        if (attempt != c.ringing || attempt.done) {
            return;
        }
        attempt.branches.forEach(CalleeLeg::stop);
        attemptFailed(c, attempt, 480);
    }

    private static void attemptFailed(Call c, Attempt attempt, int status) {
        attempt.done = true;
        c.ringing = null;
        Call.cancel(attempt.noAnswer);
        attempt.media.close();
        if (attempt.transferor.isPresent()) {
            Transfers.failed(c, attempt, status);
            return;
        }
        CallResult result = status == 486 ? CallResult.BUSY
                : status == 480 || status == 408 ? CallResult.NO_ANSWER : CallResult.FAILED;
        if (attempt.rule.isPresent() && result != CallResult.FAILED) {
            CallForwarding.Rule rule = attempt.rule.get();
            boolean busy = result == CallResult.BUSY;
            forward(c, busy ? rule.onBusy() : rule.onNoAnswer(), busy ? "busy" : "no_answer", rule, status, result);
            return;
        }
        c.fail(status, result);
    }

    /**
     * The extension did not take the call: the caller goes where the forwarding rule says, if something serves that
     * destination; else it gets {@code status} as before. The history keeps why ({@code forward:busy:voicemail:1001:
     * default}, spaces and commas of the rule's reason as {@code _}).
     */
    private static void forward(Call c, Destination to, String why, CallForwarding.Rule rule, int status,
                                CallResult result) {
        boolean served = to.type() == Destination.Type.EXTENSION
                || c.service.application(to.type()).filter(a -> a.serves(c, to)).isPresent();
        if (!served || ++c.forwards > Call.MAX_FORWARDS || c.state == CallState.ENDED) {
            c.fail(status, result);
            return;
        }
        c.transfers.add("forward:" + why + ":" + to.type().wire() + ":" + to.target() + ":"
                + rule.reason().replaceAll("[\\s,]", "_"));
        c.unbridge(); // early media of the extension's phones, if it was bridged
        c.forwardedBecause = why;
        if (to.type() == Destination.Type.EXTENSION) {
            ring(c, to.target(), c.caller, Optional.empty());
        } else {
            c.state = CallState.ROUTING;
            c.handTo(to);
        }
    }

    /** {@link CallerSession#redirect}: the caller goes on to {@code d}, as forwarding by a schedule would. */
    static void redirect(Call c, Destination d, String reason) {
        if (c.state == CallState.ENDED) {
            return;
        }
        boolean served = d.type() == Destination.Type.EXTENSION
                || c.service.application(d.type()).filter(a -> a.serves(c, d)).isPresent();
        if (!served || ++c.forwards > Call.MAX_FORWARDS) {
            c.fail(480, CallResult.FAILED);
            return;
        }
        c.transfers.add("forward:schedule:" + d.type().wire() + ":" + d.target() + ":"
                + reason.replaceAll("[\\s,]", "_"));
        if (d.type() == Destination.Type.EXTENSION) {
            ring(c, d.target(), c.caller, Optional.empty());
        } else {
            c.handTo(d);
        }
    }
}
