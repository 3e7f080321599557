package org.carillon.pbx.call;

import org.carillon.media.dtmf.CollectedDigits;
import org.carillon.media.dtmf.DigitCollector;
import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.play.AudioSource;
import org.carillon.media.play.ClipSource;
import org.carillon.media.play.PromptPlayer;
import org.carillon.media.port.PortRangeExhaustedException;
import org.carillon.media.relay.Bridge;
import org.carillon.media.sdp.SdpParseException;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.dialog.Dialog;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
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
 * events, media events and timers are all submitted there), so the logic is sequential and holds no locks.
 *
 * <p>The call's state is these fields, package-private; its logic is split by topic into collaborators that take the
 * call as their first argument and run on its executor, never elsewhere: {@link Ringing} (attempts, branches,
 * answer, forwarding), {@link MidCall} (re-INVITE, hold, the caller's session timer), {@link Pickup},
 * {@link Transfers} and {@link AttendedTransfer}, {@link Parking}, and {@link Teardown} (hanging up, ending). This
 * class keeps the start, the in-dialog dispatch, the media bridge, the live view and what applications see
 * ({@link CallerSession}).
 */
final class Call implements CallerSession, BranchOwner {
    private static final Logger log = LoggerFactory.getLogger(Call.class);
    static final int MAX_FORWARDS = 5;

    final String id;
    final CallService service;
    private final CallExecutor executor;
    final Tenant tenant;
    final DeviceAccount callerAccount;
    final String dialled;
    private final String source;
    final CallerLeg caller;
    final Instant startedAt;
    final List<String> transfers = new ArrayList<>();
    final List<SipScheduler.Timeout> timers = new ArrayList<>();
    final List<String> aliases = new ArrayList<>();
    final List<Attempt> attempts = new ArrayList<>();
    CallState state = CallState.ROUTING;
    String calleeNumber;
    Party left;
    Party right;
    Attempt ringing;
    private Bridge bridge;
    private PromptPlayer callerPlayer;
    private PromptPlayer holdPlayer;
    Party heldBy;
    SipScheduler.Timeout sessionTimer;
    Duration sessionInterval = Duration.ZERO;
    Instant answeredAt;
    private volatile ActiveCall published;
    /** What applications do with the caller's media; set once the caller's media is open. */
    volatile CallerMedia callerMedia;
    final CompletableFuture<Void> gone = new CompletableFuture<>();
    /** Forwards taken so far (no answer, busy, unregistered): bounded so two rules cannot loop. */
    int forwards;
    String forwardedBecause;
    Offer offer;
    /** Attended transfer: the party this call handed to {@link #handedTo}, whose media it must not close. */
    Party handedOut;
    Call handedTo;
    /** Parties taken over from other calls (attended transfer): their media legs end with this call. */
    final List<Party> adopted = new ArrayList<>();
    /** Set while the call waits in a parking slot ({@link Parking}). */
    Parking parking;

    Call(CallService service, CallExecutor executor, Tenant tenant, DeviceAccount callerAccount,
         ServerTransaction invite, String dialled) {
        this.id = CallIds.next(service.clock());
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
            case EXTENSION -> Ringing.ring(this, d.target(), caller, Optional.empty());
            default -> handTo(d);
        }
    }

    void handTo(Destination d) {
        Optional<CallApplication> app = service.application(d.type());
        if (app.isEmpty()) {
            fail(404, CallResult.FAILED);
            return;
        }
        app.get().handle(this, d);
    }

    // ---- ringing: the attempts and their branches ({@link Ringing}) ----

    @Override
    public void onBranchResponse(CalleeLeg branch, SipResponse r) {
        Ringing.onBranchResponse(this, branch, r);
    }

    @Override
    public void onBranchFailed(CalleeLeg branch, int status) {
        Ringing.onBranchFailed(this, branch, status);
    }

    // ---- the caller's events ----

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
                Teardown.hungUp(this, party);
            }
            case SipMethod.INVITE, SipMethod.UPDATE -> MidCall.reoffer(this, tx, party);
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

    // ---- media and timers ----

    void watchRtp(Party party) {
        party.media().onNoRtp(() -> executor.execute(() -> noRtp(party)));
    }

    private void noRtp(Party party) {
        if (state == CallState.ANSWERED && (party == left || party == right)
                && !service.settings().rtpTimeout().isZero()) {
            log.info("call {}: no RTP from {} for {}: hanging up", id, party.number(), service.settings().rtpTimeout());
            hangUp("system");
        }
    }

    void bridge(Party a, Party b) {
        if (a != null && b != null) {
            connect(a, b.media());
        }
    }

    void connect(Party a, org.carillon.media.leg.MediaLeg other) {
        unbridge();
        // one event loop per call; an attended transfer joins parties of two calls, which may sit on two
        bridge = adopted.isEmpty() ? Bridge.connect(a.media(), other) : Bridge.connectAcross(a.media(), other);
    }

    void unbridge() {
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
    }

    void stopCallerPlayer() {
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

    static void cancel(SipScheduler.Timeout t) {
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

    /** Hangs up both sides (BYE) or, before an answer, refuses the caller ({@link Teardown}). */
    void hangUp(String by) {
        Teardown.hangUp(this, by);
    }

    void fail(int status, CallResult result) {
        caller.reject(status);
        Teardown.end(this, result, status, "system");
    }

    /** {@link #fail(int, CallResult)} with a reason phrase that says why. */
    void fail(int status, String reason, CallResult result) {
        caller.reject(status, reason);
        Teardown.end(this, result, status, "system");
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
            Teardown.end(this, CallResult.ANSWERED, 200, "system");
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
        Ringing.redirect(this, d, reason);
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
