package org.carillon.pbx.call;

import org.carillon.media.leg.MediaLeg;
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
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.transaction.ServerTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One call: the caller's leg, the branches ringing the callee, the media between them, its timers and its history.
 * Every method runs on the call's {@link CallExecutor} (SIP events, media events and timers are all submitted
 * there), so the logic below is sequential and holds no locks.
 *
 * <p>Over ~400 lines because it is the one place where a call's life is read top to bottom: start, ring, answer,
 * hold, end.
 */
final class Call implements CallerSession {
    private static final Logger log = LoggerFactory.getLogger(Call.class);

    private final String id = UUID.randomUUID().toString();
    private final CallService service;
    private final CallExecutor executor;
    private final Tenant tenant;
    private final DeviceAccount callerAccount;
    private final String dialled;
    private final CallerLeg caller;
    private final Instant startedAt;
    private final List<CalleeLeg> branches = new ArrayList<>();
    private final List<String> transfers = new ArrayList<>();
    private final List<SipScheduler.Timeout> timers = new ArrayList<>();
    private CallState state = CallState.ROUTING;
    private String calleeNumber;
    private CalleeLeg answered;
    private MediaLeg calleeMedia;
    private LocalAudio calleeLocal;
    private SdpSession calleeSdp;
    private SessionDescription calleeOffer;
    private boolean earlyMediaBridged;
    private Bridge bridge;
    private PromptPlayer callerPlayer;
    private PromptPlayer holdPlayer;
    private boolean callerHolds;
    private boolean calleeHolds;
    private SipScheduler.Timeout noAnswer;
    private SipScheduler.Timeout sessionTimer;
    private Duration sessionInterval = Duration.ZERO;
    private Instant answeredAt;

    Call(CallService service, CallExecutor executor, Tenant tenant, DeviceAccount callerAccount,
         ServerTransaction invite, String dialled) {
        this.service = service;
        this.executor = executor;
        this.tenant = tenant;
        this.callerAccount = callerAccount;
        this.dialled = dialled;
        this.caller = new CallerLeg(service.signalling(), invite, dialled);
        this.startedAt = service.clock().instant();
    }

    String id() {
        return id;
    }

    CallExecutor executor() {
        return executor;
    }

    String callerCallId() {
        return caller.invite().callId();
    }

    long tenantId() {
        return tenant.id();
    }

    CallState state() {
        return state;
    }

    Optional<String> calleeNumber() {
        return Optional.ofNullable(calleeNumber);
    }

    /** True when ringing an extension and nobody answered yet (pickup looks for these). */
    boolean ringing() {
        return state == CallState.RINGING && answered == null;
    }

    // ---- start and routing ----

    void start() {
        try {
            caller.openMedia(service.media());
        } catch (OfferAnswerException | SdpParseException e) {
            log.debug("call {}: caller's offer refused: {}", id, e.getMessage());
            fail(488, CallResult.FAILED);
            return;
        } catch (PortRangeExhaustedException e) {
            fail(503, CallResult.FAILED);
            return;
        }
        caller.media().onNoRtp(() -> executor.execute(() -> noRtp("caller")));
        service.changed(this);
        Destination d = service.router().route(new RouteRequest(dialled, callerAccount.number(), tenant.id(),
                startedAt));
        switch (d.type()) {
            case EXTENSION -> ringExtension(d.target());
            case PICKUP -> service.pickup(this, d.target());
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

    private void ringExtension(String number) {
        Optional<DeviceAccount> callee = service.devices().findByNumber(tenant.id(), number);
        if (callee.isEmpty()) {
            handTo(Destination.unknownNumber(number));
            return;
        }
        calleeNumber = number;
        List<Binding> bindings = service.registrar().bindings(callee.get().extensionId());
        if (bindings.isEmpty()) {
            fail(480, CallResult.NO_ANSWER); // unregistered (voicemail will take these later)
            return;
        }
        try {
            calleeMedia = service.media().engine().openLegBeside(caller.media());
        } catch (PortRangeExhaustedException e) {
            fail(503, CallResult.FAILED);
            return;
        }
        calleeMedia.onNoRtp(() -> executor.execute(() -> noRtp("callee")));
        calleeLocal = preferring(service.media().local(calleeMedia.localPort()), caller.media().codec());
        calleeSdp = new SdpSession("carillon", service.media().address());
        calleeOffer = AudioOfferer.offer(calleeLocal, calleeSdp, Direction.SENDRECV);
        String domain = tenant.sipDomain();
        Address from = CalleeLeg.address(Optional.of(callerAccount.number()), callerAccount.number(), domain);
        Address to = CalleeLeg.address(Optional.empty(), number, domain);
        state = CallState.RINGING;
        for (Binding b : bindings) {
            CalleeLeg branch = new CalleeLeg(this, service.signalling(), b, from, to, callerAccount.number(),
                    calleeOffer);
            branches.add(branch);
            service.registry().alias(branch.callId(), this);
            try {
                branch.start();
            } catch (RuntimeException e) {
                log.debug("call {}: branch to {} not sent: {}", id, b.target(), e.getMessage());
                branch.failed(503);
            }
        }
        noAnswer = schedule(service.settings().noAnswer(), this::noAnswer);
        service.changed(this);
        branchEnded();
    }

    /** Our offer to the callee puts the caller's codec first, so the relay need not transcode when it can. */
    private static LocalAudio preferring(LocalAudio local, org.carillon.media.codec.AudioFormat first) {
        var formats = new ArrayList<>(local.formats());
        if (formats.remove(first)) {
            formats.addFirst(first);
        }
        return new LocalAudio(local.address(), local.port(), formats, local.telephoneEventPayloadType(), local.ptime());
    }

    // ---- the callee's branches ----

    void onBranchResponse(CalleeLeg branch, SipResponse r) {
        int status = r.statusCode();
        if (status < 200) {
            branch.provisional(r);
            if (ringing() && status > 100 && !branch.stopping()) {
                earlyFrom(branch, r);
            }
            return; // a late 1xx after the 2xx changes nothing (TESTING-TOOLS.md: reordered 180/200)
        }
        if (status < 300) {
            answeredBy(branch, r);
            return;
        }
        branch.failed(status);
        branchEnded();
    }

    void onBranchFailed(CalleeLeg branch, int status) {
        branch.failed(status);
        branchEnded();
    }

    private void earlyFrom(CalleeLeg branch, SipResponse r) {
        Optional<SessionDescription> sdp = safeSdp(r);
        if (sdp.isPresent() && !earlyMediaBridged) {
            try {
                calleeMedia.apply(AudioOfferer.accept(calleeOffer, sdp.get(), calleeLocal)).join();
                stopCallerPlayer();
                bridge();
                earlyMediaBridged = true;
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
        if (!ringing()) {
            branch.bye(); // lost the race: another branch answered, or the caller hung up (§9.1 200/487 race)
            return;
        }
        NegotiatedAudio agreed;
        try {
            agreed = AudioOfferer.accept(calleeOffer, safeSdp(r).orElseThrow(
                    () -> new OfferAnswerException("2xx without SDP answer")), calleeLocal);
        } catch (OfferAnswerException e) {
            log.debug("call {}: callee's answer unusable: {}", id, e.getMessage());
            branch.bye();
            branch.failed(488);
            branchEnded();
            return;
        }
        calleeMedia.apply(agreed).join();
        answered = branch;
        for (CalleeLeg other : branches) {
            if (other != branch) {
                other.stop();
            }
        }
        cancel(noAnswer);
        stopCallerPlayer();
        if (!caller.answer(sessionExpires())) {
            branch.bye(); // the caller's CANCEL got in first
            end(CallResult.CANCELLED, 487, "caller");
            return;
        }
        if (!earlyMediaBridged) {
            bridge();
        }
        answeredAt = service.clock().instant();
        state = CallState.ANSWERED;
        schedule(service.settings().maxDuration(), () -> hangUp("system"));
        service.changed(this);
    }

    /** When every branch failed: the caller gets the most telling status (RFC 3261 §16.7 step 6 in spirit). */
    private void branchEnded() {
        if (!ringing() || branches.stream().anyMatch(b -> b.state() != CalleeLeg.State.ENDED)) {
            return;
        }
        int best = 0;
        for (CalleeLeg b : branches) {
            int s = b.finalStatus();
            if (s == 486 || s == 600) {
                best = 486;
                break;
            }
            if (best == 0 || (s == 408 || s == 480) && best != 480) {
                best = s == 408 ? 480 : s;
            }
        }
        CallResult result = best == 486 ? CallResult.BUSY
                : best == 480 || best == 408 ? CallResult.NO_ANSWER : CallResult.FAILED;
        fail(best == 0 ? 480 : best, result);
    }

    private void noAnswer() {
        if (!ringing()) {
            return;
        }
        branches.forEach(CalleeLeg::stop);
        fail(480, CallResult.NO_ANSWER);
    }

    // ---- the caller's events ----

    void onCallerCancelled() {
        caller.cancelled();
        if (state == CallState.ENDED || answered != null) {
            return;
        }
        branches.forEach(CalleeLeg::stop);
        end(CallResult.CANCELLED, 487, "caller");
    }

    void onNoAck() {
        if (state != CallState.ENDED) {
            log.debug("call {}: the caller never acknowledged our 200", id);
            hangUp("system");
        }
    }

    /** An in-dialog request from either side (BYE, re-INVITE, UPDATE, INFO, REFER). */
    void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        boolean fromCaller = request.callId().equals(callerCallId());
        Optional<org.carillon.sip.dialog.Dialog> dialog = fromCaller ? caller.dialog()
                : branches.stream().filter(b -> b.callId().equals(request.callId())).findFirst()
                .flatMap(CalleeLeg::dialog);
        if (dialog.isEmpty() || state == CallState.ENDED) {
            tx.respond(481);
            return;
        }
        if (!dialog.get().onRequest(request)) {
            tx.respond(500); // CSeq out of order (§12.2.2)
            return;
        }
        switch (request.method()) {
            case SipMethod.BYE -> {
                tx.respond(200);
                if (fromCaller) {
                    caller.dialog().ifPresent(org.carillon.sip.dialog.Dialog::terminate);
                    end(CallResult.ANSWERED, 200, "caller");
                } else {
                    branches.stream().filter(b -> b.callId().equals(request.callId())).findFirst()
                            .ifPresent(CalleeLeg::byeReceived);
                    caller.bye();
                    end(CallResult.ANSWERED, 200, "callee");
                }
            }
            case SipMethod.INVITE, SipMethod.UPDATE -> reoffer(tx, fromCaller);
            case SipMethod.INFO -> tx.respond(200);
            default -> tx.respond(405);
        }
    }

    /** A re-INVITE or UPDATE: answered locally (media is anchored); sendonly/inactive means hold. */
    private void reoffer(ServerTransaction tx, boolean fromCaller) {
        Optional<SessionDescription> offer = safeSdp(tx.request());
        SessionDescription answer;
        try {
            if (offer.isEmpty()) {
                answer = null;
            } else if (fromCaller) {
                answer = caller.reanswer(offer.get());
            } else {
                var a = org.carillon.media.offer.AudioAnswerer.answer(offer.get(), calleeLocal, calleeSdp,
                        Direction.SENDRECV);
                calleeMedia.apply(a.audio()).join();
                answer = a.sdp();
            }
        } catch (OfferAnswerException e) {
            tx.respond(488);
            return;
        }
        SipResponse ok = tx.request().createResponse(200);
        ok.headers().add(HeaderName.CONTACT, service.signalling().contact(dialled, tx.source().transport()));
        if (answer != null) {
            Signalling.body(ok, answer);
        }
        if (fromCaller && !sessionInterval.isZero()) {
            ok.headers().add(HeaderName.SESSION_EXPIRES, sessionInterval.toSeconds() + ";refresher=uac");
            armSessionTimer();
        }
        tx.respond(ok);
        if (offer.isPresent() && state != CallState.ROUTING && answered != null) {
            var m = offer.get().media().getFirst();
            boolean holds = !Direction.of(offer.get(), m).receives() || offer.get().connectionFor(m)
                    .map(c -> c.unspecified()).orElse(false);
            hold(fromCaller, holds);
        }
    }

    private void hold(boolean byCaller, boolean holds) {
        if (byCaller) {
            callerHolds = holds;
        } else {
            calleeHolds = holds;
        }
        if (holdPlayer != null) {
            holdPlayer.close();
            holdPlayer = null;
        }
        if (callerHolds || calleeHolds) {
            unbridge();
            MediaLeg listener = callerHolds ? calleeMedia : caller.media(); // the held party hears the music
            holdPlayer = PromptPlayer.on(listener);
            holdPlayer.play(List.of(new ClipSource(service.media().musicOnHold(), true)), false);
            state = CallState.ON_HOLD;
        } else {
            bridge();
            state = CallState.ANSWERED;
        }
        service.changed(this);
    }

    // ---- session timer (RFC 4028), media and timers ----

    /** The caller asked for session timers: we accept its interval (at most ours) and let it refresh. */
    private Optional<String> sessionExpires() {
        Duration ours = service.settings().sessionExpires();
        Optional<String> theirs = caller.invite().headers().first(HeaderName.SESSION_EXPIRES);
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

    private void noRtp(String who) {
        if (state == CallState.ANSWERED && !service.settings().rtpTimeout().isZero()) {
            log.info("call {}: no RTP from the {} for {}: hanging up", id, who, service.settings().rtpTimeout());
            hangUp("system");
        }
    }

    private void bridge() {
        if (bridge == null && calleeMedia != null) {
            bridge = Bridge.connect(caller.media(), calleeMedia);
        }
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

    private SipScheduler.Timeout schedule(Duration delay, Runnable task) {
        SipScheduler.Timeout t = service.scheduler().schedule(delay, () -> executor.execute(task));
        timers.add(t);
        return t;
    }

    private static void cancel(SipScheduler.Timeout t) {
        if (t != null) {
            t.cancel();
        }
    }

    private static Optional<SessionDescription> safeSdp(org.carillon.sip.message.SipMessage m) {
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
        if (!caller.answered()) {
            branches.forEach(CalleeLeg::stop);
            fail(480, CallResult.FAILED);
            return;
        }
        caller.bye();
        end(CallResult.ANSWERED, 200, by);
    }

    private void fail(int status, CallResult result) {
        caller.reject(status);
        end(result, status, "system");
    }

    private void end(CallResult result, int status, String by) {
        if (state == CallState.ENDED) {
            return;
        }
        state = CallState.ENDED;
        if (answered != null) {
            answered.bye();
        }
        if (!caller.finalSent()) {
            caller.reject(status);
        }
        timers.forEach(SipScheduler.Timeout::cancel);
        stopCallerPlayer();
        if (holdPlayer != null) {
            holdPlayer.close();
        }
        unbridge();
        caller.close();
        if (calleeMedia != null) {
            calleeMedia.close();
        }
        service.ended(this, new CallRecord(id, tenant.id(), callerAccount.number(), dialled,
                Optional.ofNullable(answeredAt == null ? null : calleeNumber), startedAt, Optional.ofNullable(answeredAt),
                service.clock().instant(), answeredAt != null ? CallResult.ANSWERED : result,
                answeredAt != null ? 200 : status, by, transfers), branches.stream().map(CalleeLeg::callId).toList());
    }

    /** The live view of this call. */
    ActiveCall view() {
        return new ActiveCall(id, tenant.id(), callerAccount.number(), dialled,
                Optional.ofNullable(answeredAt == null ? null : calleeNumber), state, startedAt,
                Optional.ofNullable(answeredAt));
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
    public void hangUp(int status) {
        if (caller.answered()) {
            caller.bye();
            end(CallResult.ANSWERED, 200, "system");
        } else {
            fail(status, status == 486 ? CallResult.BUSY : CallResult.FAILED);
        }
    }
}
