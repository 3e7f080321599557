package org.carillon.pbx.call;

import org.carillon.media.codec.AudioFormat;
import org.carillon.media.dtmf.CollectedDigits;
import org.carillon.media.dtmf.DigitCollector;
import org.carillon.media.offer.AudioOfferer;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.offer.SdpSession;
import org.carillon.media.play.AudioSource;
import org.carillon.media.play.ClipSource;
import org.carillon.media.play.PromptPlayer;
import org.carillon.media.port.PortRangeExhaustedException;
import org.carillon.media.relay.Bridge;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SdpParseException;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.registrar.Binding;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One call: the caller, the {@link Attempt} ringing an extension, the two {@link Party parties} once connected, the
 * media between them, its timers and its history. Every method runs on the call's {@link CallExecutor} (SIP
 * events, media events and timers are all submitted there), so the logic below is sequential and holds no locks.
 *
 * <p>Over 600 lines, deliberately: it is the one place where a call's life reads top to bottom (start, ring, answer,
 * hold, pickup, end) and every step mutates the same few fields; splitting it would scatter that state across
 * classes reaching into each other. What has its own rules lives apart: transfers in {@link Transfers}, legs in
 * {@link CallerLeg}/{@link CalleeLeg}, a round of ringing in {@link Attempt}.
 */
final class Call implements CallerSession, BranchOwner {
    private static final Logger log = LoggerFactory.getLogger(Call.class);
    private static final int MAX_FORWARDS = 5;

    private final String id = CallIds.next();
    private final CallService service;
    private final CallExecutor executor;
    private final Tenant tenant;
    private final DeviceAccount callerAccount;
    private final String dialled;
    private final String source;
    private final CallerLeg caller;
    private final Instant startedAt;
    private final List<String> transfers = new ArrayList<>();
    private final List<SipScheduler.Timeout> timers = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private CallState state = CallState.ROUTING;
    private String calleeNumber;
    private Party left;
    private Party right;
    private Attempt ringing;
    private Bridge bridge;
    private PromptPlayer callerPlayer;
    private PromptPlayer holdPlayer;
    private Party heldBy;
    private SipScheduler.Timeout sessionTimer;
    private Duration sessionInterval = Duration.ZERO;
    private Instant answeredAt;
    private volatile ActiveCall published;
    /** What applications do with the caller's media; set once the caller's media is open. */
    private volatile CallerMedia callerMedia;
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    /** Forwards taken so far (no answer, busy, unregistered): bounded so two rules cannot loop. */
    private int forwards;
    private String forwardedBecause;
    private Offer offer;
    /** Attended transfer: the party this call handed to {@link #handedTo}, whose media it must not close. */
    private Party handedOut;
    private Call handedTo;
    /** Parties taken over from other calls (attended transfer): their media legs end with this call. */
    private final List<Party> adopted = new ArrayList<>();
    /** Set while the call waits in a parking slot ({@link Parking}). */
    private Parking parking;

    Call(CallService service, CallExecutor executor, Tenant tenant, DeviceAccount callerAccount,
         ServerTransaction invite, String dialled) {
        this.service = service;
        this.executor = executor;
        this.tenant = tenant;
        this.callerAccount = callerAccount;
        this.dialled = dialled;
        var remote = invite.source().remote();
        this.source = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        this.caller = new CallerLeg(service.signalling(), invite, dialled, callerAccount.number());
        this.left = caller;
        this.startedAt = service.clock().instant();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CallExecutor executor() {
        return executor;
    }

    String callerCallId() {
        return caller.callId();
    }

    ServerTransaction callerTransaction() {
        return caller.transaction();
    }

    @Override
    public long tenantId() {
        return tenant.id();
    }

    DeviceAccount callerAccount() {
        return callerAccount;
    }

    Optional<String> calleeNumber() {
        return Optional.ofNullable(calleeNumber);
    }

    /** True while the first attempt rings and nobody answered (what pickup looks for). */
    boolean ringing() {
        return state == CallState.RINGING && ringing != null && !ringing.transfer() && right == null;
    }

    CallService service() {
        return service;
    }

    List<String> transfers() {
        return transfers;
    }

    // ---- start and routing ----

    void start() {
        service.changed(this);
        Destination d = service.router().route(new RouteRequest(dialled, callerAccount.number(), tenant.id(),
                startedAt));
        if (d.type() == Destination.Type.PICKUP) {
            service.pickup(this, d.target()); // the ringing call takes our INVITE over, media and all
            return;
        }
        if (d.type() == Destination.Type.PARK) {
            Parking.dialled(this, d.target()); // the parked call takes our INVITE over, like a pickup
            return;
        }
        try {
            caller.openMedia(service.media(), Optional.empty());
        } catch (OfferAnswerException | SdpParseException e) {
            log.debug("call {}: caller's offer refused: {}", id, e.getMessage());
            fail(488, CallResult.FAILED);
            return;
        } catch (PortRangeExhaustedException e) {
            fail(503, CallResult.FAILED);
            return;
        }
        watchRtp(caller);
        callerMedia = new CallerMedia(caller.media());
        switch (d.type()) {
            case EXTENSION -> ring(d.target(), caller, Optional.empty());
            default -> handTo(d);
        }
    }

    private void handTo(Destination d) {
        Optional<CallApplication> app = service.application(d.type());
        if (app.isEmpty()) {
            fail(404, CallResult.FAILED);
            return;
        }
        app.get().handle(this, d);
    }

    /**
     * Rings extension {@code number} on every registered contact; whoever answers is bridged to {@code stays}.
     *
     * @return false when nothing could ring (no such extension, unregistered, no ports): the caller decides what next
     */
    boolean ring(String number, Party stays, Optional<Party> transferor) {
        Optional<DeviceAccount> callee = service.devices().findByNumber(tenant.id(), number);
        if (callee.isEmpty()) {
            if (transferor.isEmpty()) {
                handTo(Destination.unknownNumber(number));
            }
            return false;
        }
        List<Binding> bindings = service.registrar().bindings(callee.get().extensionId());
        Optional<CallForwarding.Rule> rule = transferor.isEmpty()
                ? Optional.of(service.forwarding().ruleFor(new CallForwarding.Request(tenant.id(), number,
                        callerAccount.number(), true, service.clock().instant())))
                : Optional.empty();
        if (bindings.isEmpty()) {
            if (transferor.isEmpty()) {
                calleeNumber = number;
                forward(rule.get().onUnregistered(), "unregistered", rule.get(), 480, CallResult.NO_ANSWER);
            }
            return false;
        }
        if (rule.isPresent() && rule.get().ringFor().isZero()) {
            calleeNumber = number;
            forward(rule.get().onNoAnswer(), "no_answer", rule.get(), 480, CallResult.NO_ANSWER);
            return true;
        }
        Attempt attempt;
        try {
            var media = service.media().engine().openLegBeside(stays.media());
            LocalAudio local = preferring(service.media().local(media.localPort()), stays.media().codec());
            SdpSession sdp = new SdpSession("carillon", service.media().address());
            attempt = new Attempt(number, stays, media, local, sdp, AudioOfferer.offer(local, sdp, Direction.SENDRECV),
                    transferor);
        } catch (PortRangeExhaustedException e) {
            if (transferor.isEmpty()) {
                fail(503, CallResult.FAILED);
            }
            return false;
        }
        attempts.add(attempt);
        attempt.rule = rule;
        ringing = attempt;
        if (transferor.isEmpty()) {
            calleeNumber = number;
            state = CallState.RINGING;
        }
        String domain = tenant.sipDomain();
        Address from = CalleeLeg.address(Optional.of(stays.number()), stays.number(), domain);
        Address to = CalleeLeg.address(Optional.empty(), number, domain);
        for (Binding b : bindings) {
            CalleeLeg branch = new CalleeLeg(this, attempt, service, b, from, to, stays.number(),
                    attempt.offer);
            attempt.branches.add(branch);
            aliases.add(branch.callId());
            service.registry().alias(branch.callId(), this);
            try {
                branch.start();
            } catch (RuntimeException e) {
                log.debug("call {}: branch to {} not sent: {}", id, b.target(), e.getMessage());
                branch.failed(503);
            }
        }
        attempt.noAnswer = schedule(rule.map(CallForwarding.Rule::ringFor).orElse(service.settings().noAnswer()),
                () -> noAnswer(attempt));
        service.changed(this);
        branchEnded(attempt);
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

    // ---- the branches of an attempt ----

    @Override
    public void onBranchResponse(CalleeLeg branch, SipResponse r) {
        if (branch.attempt().offering != null) {
            branch.attempt().offering.onResponse(branch, r);
            return;
        }
        int status = r.statusCode();
        Attempt attempt = branch.attempt();
        if (status < 200) {
            branch.provisional(r);
            if (attempt == ringing && !attempt.done && !attempt.transfer() && status > 100 && !branch.stopping()) {
                earlyFrom(attempt, r);
            }
            return; // a late 1xx after the 2xx changes nothing (TESTING-TOOLS.md: reordered 180/200)
        }
        if (status < 300) {
            answeredBy(branch, r);
            return;
        }
        branch.failed(status);
        branchEnded(attempt);
    }

    @Override
    public void onBranchFailed(CalleeLeg branch, int status) {
        if (branch.attempt().offering != null) {
            branch.attempt().offering.onFailed(branch, status);
            return;
        }
        branch.failed(status);
        branchEnded(branch.attempt());
    }

    private void earlyFrom(Attempt attempt, SipResponse r) {
        Optional<SessionDescription> sdp = safeSdp(r);
        if (sdp.isPresent() && !attempt.earlyMediaBridged) {
            try {
                attempt.media.apply(AudioOfferer.accept(attempt.offer, sdp.get(), attempt.local)).join();
                stopCallerPlayer();
                connect(caller, attempt.media);
                attempt.earlyMediaBridged = true;
                caller.progress(183, true);
                return;
            } catch (OfferAnswerException e) {
                log.debug("call {}: early answer unusable: {}", id, e.getMessage());
            }
        }
        if (!caller.progressSent()) {
            // no early media from the callee: 180 without SDP, so the caller's phone plays local ringback
            // (RFC 3960 §3); the caller's media starts with the answer, and nothing of it is lost
            caller.progress(180, false);
        }
    }

    private void answeredBy(CalleeLeg branch, SipResponse r) {
        if (!branch.confirm(r)) {
            return; // a retransmitted 2xx, ACKed again
        }
        Attempt attempt = branch.attempt();
        if (attempt != ringing || attempt.done || state == CallState.ENDED) {
            branch.bye(); // lost the race: another branch answered, or the caller hung up (§9.1 200/487 race)
            return;
        }
        NegotiatedAudio agreed;
        try {
            agreed = AudioOfferer.accept(attempt.offer, safeSdp(r).orElseThrow(
                    () -> new OfferAnswerException("2xx without SDP answer")), attempt.local);
        } catch (OfferAnswerException e) {
            log.debug("call {}: callee's answer unusable: {}", id, e.getMessage());
            branch.bye();
            branch.failed(488);
            branchEnded(attempt);
            return;
        }
        attempt.media.apply(agreed).join();
        attempt.done = true;
        ringing = null;
        cancel(attempt.noAnswer);
        for (CalleeLeg other : attempt.branches) {
            if (other != branch) {
                other.stop();
            }
        }
        watchRtp(branch);
        if (attempt.transferor.isPresent()) {
            Transfers.completed(this, attempt, branch);
            return;
        }
        stopCallerPlayer();
        if (!caller.answer(sessionExpires())) {
            branch.bye(); // the caller's CANCEL got in first
            end(CallResult.CANCELLED, 487, "caller");
            return;
        }
        right = branch;
        answeredAt = service.clock().instant();
        state = CallState.ANSWERED;
        bridge(left, right);
        schedule(service.settings().maxDuration(), () -> hangUp("system"));
        service.changed(this);
    }

    /** When every branch failed: the most telling status (RFC 3261 §16.7 step 6 in spirit). */
    private void branchEnded(Attempt attempt) {
        if (attempt != ringing || attempt.done || !attempt.allEnded()) {
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
        attemptFailed(attempt, best == 0 ? 480 : best);
    }

    private void noAnswer(Attempt attempt) {
        if (attempt != ringing || attempt.done) {
            return;
        }
        attempt.branches.forEach(CalleeLeg::stop);
        attemptFailed(attempt, 480);
    }

    private void attemptFailed(Attempt attempt, int status) {
        attempt.done = true;
        ringing = null;
        cancel(attempt.noAnswer);
        attempt.media.close();
        if (attempt.transferor.isPresent()) {
            Transfers.failed(this, attempt, status);
            return;
        }
        CallResult result = status == 486 ? CallResult.BUSY
                : status == 480 || status == 408 ? CallResult.NO_ANSWER : CallResult.FAILED;
        if (attempt.rule.isPresent() && result != CallResult.FAILED) {
            CallForwarding.Rule rule = attempt.rule.get();
            boolean busy = result == CallResult.BUSY;
            forward(busy ? rule.onBusy() : rule.onNoAnswer(), busy ? "busy" : "no_answer", rule, status, result);
            return;
        }
        fail(status, result);
    }

    /**
     * The extension did not take the call: the caller goes where the forwarding rule says, if something serves that
     * destination; else it gets {@code status} as before. The history keeps why ({@code forward:busy:voicemail:1001:
     * default}, spaces and commas of the rule's reason as {@code _}).
     */
    private void forward(Destination to, String why, CallForwarding.Rule rule, int status, CallResult result) {
        boolean served = to.type() == Destination.Type.EXTENSION
                || service.application(to.type()).filter(a -> a.serves(this, to)).isPresent();
        if (!served || ++forwards > MAX_FORWARDS || state == CallState.ENDED) {
            fail(status, result);
            return;
        }
        transfers.add("forward:" + why + ":" + to.type().wire() + ":" + to.target() + ":"
                + rule.reason().replaceAll("[\\s,]", "_"));
        unbridge(); // early media of the extension's phones, if it was bridged
        forwardedBecause = why;
        if (to.type() == Destination.Type.EXTENSION) {
            ring(to.target(), caller, Optional.empty());
        } else {
            state = CallState.ROUTING;
            handTo(to);
        }
    }

    // ---- pickup: another extension takes this ringing call (*8, **<ext>, or INVITE with Replaces) ----

    /** {@code picker}'s INVITE answers this ringing call in place of the callee. */
    void pickedUpBy(ServerTransaction tx, DeviceAccount picker) {
        CallerLeg p = new CallerLeg(service.signalling(), tx, picker.number(), picker.number());
        if (!ringing()) {
            p.reject(481); // it was answered or ended meanwhile
            service.registry().remove(this, List.of(p.callId()), false);
            return;
        }
        try {
            p.openMedia(service.media(), Optional.of(caller.media()));
        } catch (OfferAnswerException | SdpParseException | PortRangeExhaustedException e) {
            p.reject(488);
            return;
        }
        if (!p.answer(Optional.empty())) {
            p.close();
            return;
        }
        Attempt attempt = ringing;
        attempt.done = true;
        ringing = null;
        cancel(attempt.noAnswer);
        attempt.branches.forEach(CalleeLeg::stop);
        attempt.media.close();
        stopCallerPlayer();
        if (!caller.answer(sessionExpires())) {
            p.bye();
            p.close();
            end(CallResult.CANCELLED, 487, "caller");
            return;
        }
        aliases.add(p.callId());
        service.registry().alias(p.callId(), this);
        right = p;
        watchRtp(p);
        calleeNumber = picker.number();
        transfers.add("pickup:" + picker.number());
        answeredAt = service.clock().instant();
        state = CallState.ANSWERED;
        bridge(left, right);
        schedule(service.settings().maxDuration(), () -> hangUp("system"));
        service.changed(this);
    }

    // ---- the caller's events ----

    void onCancelled(ServerTransaction tx) {
        if (!caller.isInviteTransaction(tx)) {
            return; // a picker's INVITE: it was answered or refused already on this executor
        }
        caller.cancelled();
        if (state == CallState.ENDED || right != null) {
            return;
        }
        if (ringing != null) {
            ringing.done = true;
            ringing.branches.forEach(CalleeLeg::stop);
        }
        end(CallResult.CANCELLED, 487, "caller");
    }

    /** A caller's ACK of our 200: the answer to a late offer is applied; one without a usable answer ends the call. */
    void onAck(SipRequest ack) {
        Optional<Party> from = partyOf(ack.callId());
        if (from.isPresent() && from.get() instanceof CallerLeg leg && leg.awaitingAnswer()
                && !leg.acknowledged(ack)) {
            log.debug("call {}: the ACK of {} carried no usable answer to our offer", id, leg.number());
            hangUp("system");
        }
    }

    void onNoAck() {
        if (state != CallState.ENDED) {
            log.debug("call {}: the caller never acknowledged our 200", id);
            hangUp("system");
        }
    }

    /** The party (connected, or ringing in an attempt) whose dialog has this Call-ID. */
    @Override
    public Optional<Party> partyOf(String callId) {
        if (left != null && left.callId().equals(callId)) {
            return Optional.of(left);
        }
        if (right != null && right.callId().equals(callId)) {
            return Optional.of(right);
        }
        for (Attempt a : attempts) {
            for (CalleeLeg b : a.branches) {
                if (b.callId().equals(callId)) {
                    return Optional.of(b);
                }
            }
            if (a.transferor.isPresent() && a.transferor.get().callId().equals(callId)) {
                return a.transferor;
            }
        }
        return Optional.empty();
    }

    /** An in-dialog request from either side (BYE, re-INVITE, UPDATE, INFO, REFER, NOTIFY). */
    void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        if (handedOut != null && handedOut.callId().equals(request.callId())) {
            handedTo.executor().execute(() -> handedTo.onRequest(tx)); // queued here before it moved
            return;
        }
        Optional<Party> from = partyOf(request.callId());
        Optional<Dialog> dialog = from.flatMap(Party::dialog);
        if (dialog.isEmpty() || state == CallState.ENDED && !SipMethod.BYE.equals(request.method())) {
            tx.respond(481);
            return;
        }
        if (!dialog.get().onRequest(request)) {
            tx.respond(500); // CSeq out of order (§12.2.2)
            return;
        }
        Party party = from.get();
        switch (request.method()) {
            case SipMethod.BYE -> {
                tx.respond(200);
                party.byeReceived();
                hungUp(party);
            }
            case SipMethod.INVITE, SipMethod.UPDATE -> reoffer(tx, party);
            case SipMethod.REFER -> Transfers.refer(this, tx, party);
            case SipMethod.INFO, SipMethod.NOTIFY -> tx.respond(200);
            default -> tx.respond(405);
        }
    }

    @Override
    public void sessionExpired(Party party) {
        log.info("call {}: the session timer of {} expired", id, party.number());
        party.bye();
        if (party == left || party == right) {
            hangUp("system");
        }
    }

    /** {@code party} sent BYE. */
    private void hungUp(Party party) {
        if (state == CallState.ENDED) {
            return;
        }
        if (ringing != null && ringing.transferor.filter(t -> t == party).isPresent()) {
            return; // a blind transferor leaves once the REFER is accepted; the transfer goes on
        }
        if (parking != null && parking.isParker(party)) {
            parking.parkerLeft(); // the parked party waits on
            return;
        }
        if (party != left && party != right) {
            return; // a branch that lost a race, or an old party
        }
        Party other = party == left ? right : left;
        if (ringing != null) {
            ringing.done = true;
            ringing.branches.forEach(CalleeLeg::stop);
            ringing.media.close();
            ringing = null;
        }
        if (other != null) {
            other.bye();
        }
        end(CallResult.ANSWERED, 200, party == caller || party == left ? "caller" : "callee");
    }

    /** A re-INVITE or UPDATE: answered locally (media is anchored); sendonly/inactive means hold. */
    private void reoffer(ServerTransaction tx, Party party) {
        Optional<SessionDescription> offer = safeSdp(tx.request());
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
        ok.headers().add(HeaderName.CONTACT, service.signalling().contact(party.number(), party.transport()));
        if (answer != null) {
            Signalling.body(ok, answer);
        }
        if (party == caller && !sessionInterval.isZero()) {
            ok.headers().add(HeaderName.SESSION_EXPIRES, sessionInterval.toSeconds() + ";refresher=uac");
            armSessionTimer();
        } else if (party instanceof CalleeLeg leg) {
            leg.refreshedByPeer(tx.request()).ifPresent(se -> SessionRefresh.confirm(tx.request(), ok, se));
        }
        tx.respond(ok);
        if (offer.isPresent() && (party == left || party == right) && right != null && ringing == null
                && parking == null) {
            var m = offer.get().media().getFirst();
            boolean holds = !Direction.of(offer.get(), m).receives() || offer.get().connectionFor(m)
                    .map(c -> c.unspecified()).orElse(false);
            hold(party, holds);
        }
    }

    private void hold(Party by, boolean holds) {
        if (holds == (heldBy == by)) {
            return;
        }
        if (holds) {
            heldBy = by;
            playHoldMusic(by == left ? right : left);
            state = CallState.ON_HOLD;
        } else {
            heldBy = null;
            stopHoldMusic();
            bridge(left, right);
            state = CallState.ANSWERED;
        }
        service.changed(this);
    }

    void playHoldMusic(Party listener) {
        unbridge();
        stopHoldMusic();
        holdPlayer = PromptPlayer.on(listener.media());
        holdPlayer.play(List.of(new ClipSource(service.media().musicOnHold(), true)), false);
    }

    void stopHoldMusic() {
        if (holdPlayer != null) {
            holdPlayer.close();
            holdPlayer = null;
        }
    }

    // ---- what transfers change ----

    Party left() {
        return left;
    }

    Party right() {
        return right;
    }

    Optional<Attempt> ringingAttempt() {
        return Optional.ofNullable(ringing);
    }

    CallState state() {
        return state;
    }

    /** {@code replaced} leaves; {@code by} takes its place, bridged with the party that stayed. */
    void replace(Party replaced, Party by) {
        if (replaced == caller && by != caller) {
            cancel(sessionTimer); // the caller's refreshes (RFC 4028) end with its dialog
            sessionInterval = Duration.ZERO;
        }
        if (replaced == left) {
            left = by;
        } else {
            right = by;
        }
        if (by == right) {
            calleeNumber = by.number();
        }
        heldBy = null;
        stopHoldMusic();
        bridge(left, right);
        state = CallState.ANSWERED;
        service.changed(this);
    }

    /**
     * Attended transfer, on the consulted call: the transferor's dialog here is the one {@code replaces} names; the
     * other party moves to {@code into} (or, while the target still rings, this call is cancelled and {@code into}
     * rings the same number as a blind transfer). See {@link AttendedTransfer}.
     */
    void handOver(AttendedTransfer.Replaces replaces, String transferorNumber, Call into, Party intoTransferor) {
        Optional<Party> named = partyOf(replaces.callId()).filter(p -> p == left || p == right)
                .filter(p -> p.number().equals(transferorNumber))
                .filter(p -> dialogId(p).map(replaces::names).orElse(false));
        if (state == CallState.ENDED || named.isEmpty()) {
            into.executor().execute(() -> AttendedTransfer.failed(into, intoTransferor, 481));
            return;
        }
        if (named.get() == caller && ringing()) {
            String number = ringing.number; // semi-attended: the target still rings for the transferor
            ringing.done = true;
            ringing.branches.forEach(CalleeLeg::stop);
            transfers.add("attended-ringing:" + number);
            end(CallResult.CANCELLED, 487, "transfer");
            into.executor().execute(() -> Transfers.blindTo(into, intoTransferor, number));
            return;
        }
        Party keep = named.get() == left ? right : left;
        if (keep == null || ringing != null) {
            into.executor().execute(() -> AttendedTransfer.failed(into, intoTransferor, 491));
            return;
        }
        handedOut = keep;
        handedTo = into;
        transfers.add("attended-out:" + keep.number());
        named.get().bye();
        // let go of the target's media before the other call bridges it
        unbridge();
        stopHoldMusic();
        stopCallerPlayer();
        // queued on the other call before its dialog is routed there, so it arrives before any of its requests
        into.executor().execute(() -> AttendedTransfer.completed(into, intoTransferor, keep));
        service.registry().alias(keep.callId(), into);
        end(CallResult.ANSWERED, 200, "transfer");
    }

    /** The dialog identifiers of a party; a caller not yet answered has ours (its To tag) already. */
    private static Optional<org.carillon.sip.dialog.DialogId> dialogId(Party p) {
        if (p.dialog().isPresent()) {
            return p.dialog().map(Dialog::id);
        }
        return p instanceof CallerLeg c ? Optional.of(new org.carillon.sip.dialog.DialogId(c.callId(), c.tag(),
                c.remoteTag())) : Optional.empty();
    }

    /**
     * Attended transfer, on the transferor's call: {@code target} (from the consulted call) takes the transferor's
     * place. @return false when this call can no longer take it (it ended, or changed): the target is sent BYE
     */
    boolean adopt(Party transferor, Party target) {
        adopted.add(target);
        if (state == CallState.ENDED || transferor != left && transferor != right || ringing != null) {
            target.bye();
            closeMedia(target);
            return false;
        }
        aliases.add(target.callId()); // its dialog is routed here now; forgotten with this call
        transfers.add("attended:" + target.number());
        watchRtp(target);
        replace(transferor, target);
        return true;
    }

    private static void closeMedia(Party p) {
        if (p instanceof CallerLeg leg) {
            leg.close();
        } else {
            p.media().close();
        }
    }

    /** Ends the call from a transfer that left nobody to talk to. */
    void endAfterTransfer(String by) {
        if (left != null) {
            left.bye();
        }
        if (right != null) {
            right.bye();
        }
        end(CallResult.ANSWERED, 200, by);
    }

    // ---- session timer (RFC 4028), media and timers ----

    /** The caller asked for session timers: we accept its interval (at most ours) and let it refresh. */
    private Optional<String> sessionExpires() {
        Duration ours = service.settings().sessionExpires();
        Optional<String> theirs = caller.sessionExpiresAsked();
        if (ours.isZero() || theirs.isEmpty()) {
            return Optional.empty();
        }
        try {
            long asked = Long.parseLong(theirs.get().split(";")[0].trim());
            sessionInterval = Duration.ofSeconds(Math.max(90, Math.min(asked, ours.toSeconds())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        armSessionTimer();
        return Optional.of(sessionInterval.toSeconds() + ";refresher=uac");
    }

    /** §10: without a refresh, BYE a little before the interval ends (the lesser of 32 s and a third). */
    private void armSessionTimer() {
        cancel(sessionTimer);
        long s = sessionInterval.toSeconds();
        sessionTimer = schedule(Duration.ofSeconds(s - Math.min(32, s / 3)), () -> hangUp("system"));
    }

    private void watchRtp(Party party) {
        party.media().onNoRtp(() -> executor.execute(() -> noRtp(party)));
    }

    private void noRtp(Party party) {
        if (state == CallState.ANSWERED && (party == left || party == right)
                && !service.settings().rtpTimeout().isZero()) {
            log.info("call {}: no RTP from {} for {}: hanging up", id, party.number(), service.settings().rtpTimeout());
            hangUp("system");
        }
    }

    private void bridge(Party a, Party b) {
        if (a != null && b != null) {
            connect(a, b.media());
        }
    }

    private void connect(Party a, org.carillon.media.leg.MediaLeg other) {
        unbridge();
        // one event loop per call; an attended transfer joins parties of two calls, which may sit on two
        bridge = adopted.isEmpty() ? Bridge.connect(a.media(), other) : Bridge.connectAcross(a.media(), other);
    }

    private void unbridge() {
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
    }

    private void stopCallerPlayer() {
        if (callerPlayer != null) {
            callerPlayer.close();
            callerPlayer = null;
        }
    }

    SipScheduler.Timeout schedule(Duration delay, Runnable task) {
        SipScheduler.Timeout t = service.scheduler().schedule(delay, () -> executor.execute(task));
        timers.add(t);
        return t;
    }

    private static void cancel(SipScheduler.Timeout t) {
        if (t != null) {
            t.cancel();
        }
    }

    static Optional<SessionDescription> safeSdp(SipMessage m) {
        try {
            return Signalling.sdp(m);
        } catch (SdpParseException e) {
            return Optional.empty();
        }
    }

    // ---- ending ----

    /** Hangs up both sides (BYE) or, before an answer, refuses the caller. */
    void hangUp(String by) {
        if (state == CallState.ENDED) {
            return;
        }
        if (right == null) {
            if (ringing != null) {
                ringing.done = true;
                ringing.branches.forEach(CalleeLeg::stop);
            }
            if (caller.answered()) {
                caller.bye(); // an application had answered
                end(CallResult.ANSWERED, 200, by);
            } else {
                fail(480, CallResult.FAILED);
            }
            return;
        }
        if (ringing != null) {
            ringing.done = true;
            ringing.branches.forEach(CalleeLeg::stop);
        }
        left.bye();
        right.bye();
        end(CallResult.ANSWERED, 200, by);
    }

    void fail(int status, CallResult result) {
        caller.reject(status);
        end(result, status, "system");
    }

    /** {@link #fail(int, CallResult)} with a reason phrase that says why. */
    void fail(int status, String reason, CallResult result) {
        caller.reject(status, reason);
        end(result, status, "system");
    }

    private void end(CallResult result, int status, String by) {
        if (state == CallState.ENDED) {
            return;
        }
        state = CallState.ENDED;
        if (offer != null) {
            offer.cancel();
        }
        if (!caller.finalSent()) {
            caller.reject(status);
        }
        timers.forEach(SipScheduler.Timeout::cancel);
        if (callerMedia != null && handedOut != caller) {
            callerMedia.close();
        }
        gone.complete(null);
        stopCallerPlayer();
        stopHoldMusic();
        unbridge();
        if (handedOut != caller) {
            caller.close();
        }
        if (right instanceof CallerLeg picker && picker != handedOut) {
            picker.close();
        }
        if (left instanceof CallerLeg retriever && retriever != caller && retriever != handedOut) {
            retriever.close(); // took a parked caller's other side
        }
        if (parking != null) {
            Parking p = parking;
            parking = null;
            p.ended();
        }
        for (Attempt a : attempts) {
            if (handedOut == null || a.media != handedOut.media()) {
                a.media.close();
            }
        }
        adopted.forEach(Call::closeMedia);
        service.ended(this, new CallRecord(id, tenant.id(), callerAccount.number(), dialled,
                Optional.ofNullable(answeredAt == null ? null : calleeNumber), startedAt, Optional.ofNullable(answeredAt),
                service.clock().instant(), answeredAt != null ? CallResult.ANSWERED : result,
                answeredAt != null ? 200 : status, by, transfers), aliases);
    }

    /** Forgets this call without history: its INVITE was handed to another call (pickup). */
    void handedOver() {
        state = CallState.ENDED;
        service.registry().remove(this, aliases);
        service.changed(this);
    }

    /** The live view of this call (call executor). */
    ActiveCall view() {
        List<String> parties = new ArrayList<>();
        if (state != CallState.ENDED && parking != null) {
            parties.add(parking.parked()); // the parker has left (or is hearing the slot number)
        } else if (state != CallState.ENDED) {
            parties.add(left.number());
            if (right != null) {
                parties.add(right.number());
            }
        }
        ActiveCall v = new ActiveCall(id, tenant.id(), callerAccount.number(), dialled,
                Optional.ofNullable(answeredAt == null ? null : calleeNumber), state, startedAt,
                Optional.ofNullable(answeredAt), new ActiveCall.Legs(List.copyOf(parties),
                Optional.ofNullable(ringing == null || state == CallState.ENDED ? null : ringing.number),
                caller.callId(), caller.tag(), caller.remoteTag()));
        published = v;
        return v;
    }

    /** The view last published; safe from any thread (pickup and the admin read it). */
    Optional<ActiveCall> published() {
        return Optional.ofNullable(published);
    }

    /** What a pickup of extension {@code number} may take (any thread): ringing, calling that number. */
    boolean ringsFor(String number) {
        ActiveCall v = published;
        return v != null && v.state() == CallState.RINGING && (number.isEmpty() || number.equals(v.dialled()));
    }

    // ---- parking ({@link Parking}) ----

    Parking parking() {
        return parking;
    }

    /** The call now waits in a slot: the parked party hears music, the parker leaves. */
    void parked(Parking p) {
        parking = p;
        state = CallState.ON_HOLD;
        service.changed(this);
    }

    /**
     * The parking fallback: the parked party, still this call's own caller, is handed to the application serving
     * {@code d} (a team, voicemail, a prompt) as a forwarded caller would be; the parker, long gone, leaves the call.
     *
     * @return false when it cannot be (the parked party is not the caller, or nothing serves {@code d} now)
     */
    boolean parkedTo(Parking p, Party stays, Destination d) {
        if (parking != p || stays != caller || left != caller || state == CallState.ENDED || ringing != null
                || ++forwards > MAX_FORWARDS) {
            return false;
        }
        Optional<CallApplication> app = service.application(d.type()).filter(a -> a.serves(this, d));
        if (app.isEmpty()) {
            return false;
        }
        parking = null;
        stopHoldMusic();
        unbridge();
        right = null;
        transfers.add("fallback:" + d.type().wire() + ":" + d.target());
        state = CallState.ROUTING;
        service.changed(this);
        app.get().handle(this, d);
        return true;
    }

    /** {@code by} (who dialled the slot, or the rung-back extension) takes the parker's place. */
    void retrieved(Parking p, Party by, Party parker, String entry) {
        if (parking == p) {
            parking = null;
        }
        if (by instanceof CallerLeg) {
            aliases.add(by.callId());
            watchRtp(by);
        }
        transfers.add(entry);
        replace(parker, by);
    }

    // ---- offers: an application's answered caller rung to extensions ({@link Offer}) ----

    String domain() {
        return tenant.sipDomain();
    }

    void track(Attempt attempt) {
        attempts.add(attempt);
    }

    void alias(CalleeLeg branch) {
        aliases.add(branch.callId());
        service.registry().alias(branch.callId(), this);
    }

    void offerEnded(Offer ended) {
        if (offer == ended) {
            offer = null;
        }
    }

    /** An offered device answered: it becomes the caller's other party, and the application's audio stops. */
    void offerAnswered(Offer answered, CalleeLeg branch) {
        offerEnded(answered);
        stopCallerPlayer();
        right = branch;
        calleeNumber = branch.number();
        watchRtp(branch);
        state = CallState.ANSWERED;
        bridge(left, right);
        schedule(service.settings().maxDuration(), () -> hangUp("system"));
        service.changed(this);
    }

    // ---- CallerSession: what applications see ----

    @Override
    public String dialled() {
        return dialled;
    }

    @Override
    public String caller() {
        return callerAccount.number();
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public void earlyMedia() {
        caller.progress(183, true);
    }

    @Override
    public void answer() {
        if (caller.answer(Optional.empty())) {
            answeredAt = service.clock().instant();
            state = CallState.ANSWERED;
            service.changed(this);
        }
    }

    @Override
    public CompletableFuture<?> play(List<? extends AudioSource> playlist) {
        stopCallerPlayer();
        callerPlayer = PromptPlayer.on(caller.media());
        return callerPlayer.play(playlist, false);
    }

    @Override
    public Optional<String> forwardedBecause() {
        return Optional.ofNullable(forwardedBecause);
    }

    @Override
    public CompletableFuture<Void> gone() {
        return gone;
    }

    @Override
    public CompletableFuture<CollectedDigits> collect(List<? extends AudioSource> prompt, DigitCollector.Spec spec) {
        CallerMedia m = callerMedia;
        return m == null ? CompletableFuture.completedFuture(new CollectedDigits("", CollectedDigits.Reason.CANCELLED))
                : m.collect(prompt, spec);
    }

    @Override
    public CompletableFuture<Recording> record(Path target, Recording.Spec spec) {
        CallerMedia m = callerMedia;
        return m == null ? CompletableFuture.failedFuture(new CallerGoneException()) : m.record(target, spec);
    }

    @Override
    public void hangUp(int status) {
        if (state == CallState.ENDED) {
            return;
        }
        if (caller.answered()) {
            caller.bye();
            end(CallResult.ANSWERED, 200, "system");
        } else {
            fail(status, status == 486 ? CallResult.BUSY : CallResult.FAILED);
        }
    }

    @Override
    public Timer after(Duration delay, Runnable task) {
        SipScheduler.Timeout t = schedule(delay, () -> {
            if (state != CallState.ENDED) {
                task.run();
            }
        });
        return t::cancel;
    }

    @Override
    public void forward(Destination d) {
        if (service.application(d.type()).isEmpty()) {
            hangUp(404);
            return;
        }
        handTo(d);
    }

    @Override
    public void redirect(Destination d, String reason) {
        if (state == CallState.ENDED) {
            return;
        }
        boolean served = d.type() == Destination.Type.EXTENSION
                || service.application(d.type()).filter(a -> a.serves(this, d)).isPresent();
        if (!served || ++forwards > MAX_FORWARDS) {
            fail(480, CallResult.FAILED);
            return;
        }
        transfers.add("forward:schedule:" + d.type().wire() + ":" + d.target() + ":"
                + reason.replaceAll("[\\s,]", "_"));
        if (d.type() == Destination.Type.EXTENSION) {
            ring(d.target(), caller, Optional.empty());
        } else {
            handTo(d);
        }
    }

    @Override
    public OfferHandle offer(List<String> extensions, Duration ringFor,
                             java.util.function.Consumer<OfferOutcome> outcome) {
        if (!caller.answered() || state == CallState.ENDED || right != null || (offer != null && offer.pending())) {
            throw new IllegalStateException("the caller cannot be offered now");
        }
        offer = Offer.start(this, caller, extensions, ringFor, outcome);
        return offer;
    }
}
