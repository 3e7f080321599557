package org.carillon.pbx.call;

import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.AudioOfferer;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.offer.SdpSession;
import org.carillon.media.play.PromptPlayer;
import org.carillon.media.play.ToneSource;
import org.carillon.media.play.TonePlan;
import org.carillon.media.relay.Bridge;
import org.carillon.media.sdp.Direction;
import org.carillon.media.sdp.SessionDescription;
import org.carillon.pbx.registrar.Binding;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
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

/**
 * A call the PBX places itself (click-to-call): it rings the user's own phones first (every registered device, the
 * target's number shown as the caller), and once one answers it rings the target extension with the user's number as
 * caller ID and bridges the two. Both sides are UAC branches ({@link CalleeLeg}); media is anchored as in every call.
 * Nobody answering, busy or an unregistered target ends it: the user is hung up. The call has one history row (caller:
 * the user, dialled: the target) whose {@code transfers} start with {@code click_to_call}.
 *
 * While the target rings the user hears a ringing tone (ITU-T E.180). Not built (yet): hold music, transfers and
 * pickups inside such a call; a re-INVITE is answered but changes nothing else. Threads: its own {@link CallExecutor}, like a {@link Call}.
 */
final class Origination implements BranchOwner {
    private static final Logger log = LoggerFactory.getLogger(Origination.class);

    private enum Phase { RINGING_USER, RINGING_TARGET, CONNECTED, ENDED }

    private final String id;
    private final CallService service;
    private final CallExecutor executor;
    private final Tenant tenant;
    private final String user;
    private final String target;
    private final Instant startedAt;
    private final List<String> aliases = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<SipScheduler.Timeout> timers = new ArrayList<>();
    private Phase phase = Phase.RINGING_USER;
    private Attempt ringing;
    private CalleeLeg userLeg;
    private CalleeLeg targetLeg;
    private Bridge bridge;
    /** The ringing tone the user hears while the target rings. */
    private PromptPlayer ringback;
    private Instant answeredAt;

    Origination(CallService service, CallExecutor executor, Tenant tenant, String user, String target) {
        this.id = CallIds.next(service.clock());
        this.service = service;
        this.executor = executor;
        this.tenant = tenant;
        this.user = user;
        this.target = target;
        this.startedAt = service.clock().instant();
    }

    String id() {
        return id;
    }

    long tenantId() {
        return tenant.id();
    }

    @Override
    public CallExecutor executor() {
        return executor;
    }

    @Override
    public String caller() {
        return phase == Phase.RINGING_USER ? target : user;
    }

    /** Rings the user's devices ({@code bindings}, not empty). Executor. */
    void start(List<Binding> bindings) {
        MediaLeg media;
        try {
            media = service.media().engine().openLeg();
        } catch (RuntimeException e) {
            end(CallResult.FAILED, 503, "system");
            return;
        }
        // the user's phone shows whom it is about to call
        ring(user, media, bindings, CalleeLeg.address(Optional.of("Call " + target), target, tenant.sipDomain()));
        service.changed(this);
    }

    private void ring(String number, MediaLeg media, List<Binding> bindings, Address from) {
        LocalAudio local = service.media().local(media.localPort());
        SdpSession sdp = new SdpSession("carillon", service.media().address());
        Attempt attempt = new Attempt(number, null, media, local, sdp,
                AudioOfferer.offer(local, sdp, Direction.SENDRECV), Optional.empty());
        attempts.add(attempt);
        ringing = attempt;
        Address to = CalleeLeg.address(Optional.empty(), number, tenant.sipDomain());
        for (Binding b : bindings) {
            CalleeLeg branch = new CalleeLeg(this, attempt, service, b, from, to, caller(),
                    attempt.offer);
            attempt.branches.add(branch);
            aliases.add(branch.callId());
            service.originated(branch.callId(), this);
            try {
                branch.start();
            } catch (RuntimeException e) {
                log.debug("origination {}: branch to {} not sent: {}", id, b.target(), e.getMessage());
                branch.failed(503);
            }
        }
        attempt.noAnswer = schedule(service.settings().noAnswer(), () -> noAnswer(attempt));
        executor.execute(() -> check(attempt));
    }

    @Override
    public void onBranchResponse(CalleeLeg branch, SipResponse r) {
        int status = r.statusCode();
        if (status < 200) {
            branch.provisional(r);
            return;
        }
        if (status >= 300) {
            onBranchFailed(branch, status);
            return;
        }
        if (!branch.confirm(r)) {
            return;
        }
        Attempt attempt = branch.attempt();
        if (attempt != ringing || attempt.done || phase == Phase.ENDED) {
            branch.bye(); // another device answered first, or it is over
            return;
        }
        NegotiatedAudio agreed;
        try {
            agreed = attempt.agreed(r);
        } catch (OfferAnswerException e) {
            log.debug("origination {}: answer unusable: {}", id, e.getMessage());
            branch.bye();
            branch.failed(488);
            check(attempt);
            return;
        }
        attempt.media.apply(agreed).join();
        attempt.done = true;
        ringing = null;
        attempt.noAnswer.cancel();
        attempt.branches.stream().filter(b -> b != branch).forEach(CalleeLeg::stop);
        if (phase == Phase.RINGING_USER) {
            userAnswered(branch);
        } else {
            targetAnswered(branch);
        }
    }

    @Override
    public void onBranchFailed(CalleeLeg branch, int status) {
        branch.failed(status);
        check(branch.attempt());
    }

    private void userAnswered(CalleeLeg branch) {
        userLeg = branch;
        phase = Phase.RINGING_TARGET;
        List<Binding> bindings = service.devices().findByNumber(tenant.id(), target)
                .map(a -> service.registrar().bindings(a.extensionId())).orElse(List.of());
        if (bindings.isEmpty()) {
            userLeg.bye();
            end(CallResult.NO_ANSWER, 480, "system");
            return;
        }
        MediaLeg media;
        try {
            media = service.media().engine().openLegBeside(userLeg.media());
        } catch (RuntimeException e) {
            userLeg.bye();
            end(CallResult.FAILED, 503, "system");
            return;
        }
        ring(target, media, bindings, CalleeLeg.address(Optional.empty(), user, tenant.sipDomain()));
        ringback = PromptPlayer.on(userLeg.media()); // ITU-T E.180 ringing tone, as a phone plays it locally
        ringback.play(List.of(new ToneSource(TonePlan.RINGBACK)), false);
        service.changed(this);
    }

    private void targetAnswered(CalleeLeg branch) {
        targetLeg = branch;
        phase = Phase.CONNECTED;
        stopRingback();
        answeredAt = service.clock().instant();
        bridge = Bridge.connect(userLeg.media(), targetLeg.media());
        schedule(service.settings().maxDuration(), () -> hangUp("system"));
        service.changed(this);
    }

    private void noAnswer(Attempt attempt) {
        if (attempt == ringing && !attempt.done) {
            attempt.branches.forEach(CalleeLeg::stop);
            failed(attempt, 480);
        }
    }

    /** Every branch of {@code attempt} failed: busy if one said so, else no answer. */
    private void check(Attempt attempt) {
        if (attempt != ringing || attempt.done || !attempt.allEnded()) {
            return;
        }
        boolean busy = attempt.branches.stream().mapToInt(CalleeLeg::finalStatus)
                .anyMatch(s -> s == 486 || s == 600 || s == 603);
        failed(attempt, busy ? 486 : 480);
    }

    private void failed(Attempt attempt, int status) {
        attempt.done = true;
        ringing = null;
        if (userLeg != null) {
            userLeg.bye(); // the target did not answer: the user's phone is hung up
        }
        end(status == 486 ? CallResult.BUSY : CallResult.NO_ANSWER, status, "system");
    }

    @Override
    public Optional<Party> partyOf(String callId) {
        return Optional.ofNullable(leg(callId));
    }

    private CalleeLeg leg(String callId) {
        return userLeg != null && userLeg.callId().equals(callId) ? userLeg
                : targetLeg != null && targetLeg.callId().equals(callId) ? targetLeg : null;
    }

    @Override
    public void sessionExpired(Party party) {
        party.bye();
        hangUp("system");
    }

    /** An in-dialog request from the user's phone or the target's. */
    void onRequest(ServerTransaction tx) {
        String callId = tx.request().callId();
        CalleeLeg party = leg(callId);
        if (party == null || party.dialog().isEmpty() || phase == Phase.ENDED
                && !SipMethod.BYE.equals(tx.request().method())) {
            tx.respond(481);
            return;
        }
        if (!party.dialog().get().onRequest(tx.request())) {
            tx.respond(500);
            return;
        }
        switch (tx.request().method()) {
            case SipMethod.BYE -> {
                tx.respond(200);
                party.byeReceived();
                hangUp(party == userLeg ? "caller" : "callee");
            }
            case SipMethod.INVITE, SipMethod.UPDATE -> reoffer(tx, party);
            case SipMethod.INFO, SipMethod.NOTIFY -> tx.respond(200);
            default -> tx.respond(405);
        }
    }

    private void reoffer(ServerTransaction tx, CalleeLeg party) {
        Optional<SessionDescription> offer = Call.safeSdp(tx.request());
        SipResponse ok = tx.request().createResponse(200);
        ok.headers().add(HeaderName.CONTACT, service.signalling().contact(caller(), party.transport()));
        party.refreshedByPeer(tx.request()).ifPresent(se -> SessionRefresh.confirm(tx.request(), ok, se));
        try {
            if (offer.isPresent()) {
                Signalling.body(ok, party.reanswer(offer.get()));
            }
        } catch (OfferAnswerException e) {
            tx.respond(488);
            return;
        }
        tx.respond(ok);
    }

    /** Ends the call: BYE to whoever is up, CANCEL to whatever rings. Executor. */
    void hangUp(String by) {
        if (phase == Phase.ENDED) {
            return;
        }
        boolean connected = phase == Phase.CONNECTED;
        if (ringing != null) {
            ringing.done = true;
            ringing.branches.forEach(CalleeLeg::stop);
        }
        if (userLeg != null) {
            userLeg.bye();
        }
        if (targetLeg != null) {
            targetLeg.bye();
        }
        end(connected ? CallResult.ANSWERED : CallResult.CANCELLED, connected ? 200 : 487, by);
    }

    private void end(CallResult result, int status, String by) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        timers.forEach(SipScheduler.Timeout::cancel);
        stopRingback();
        if (bridge != null) {
            bridge.close();
        }
        for (Attempt a : attempts) {
            a.branches.stream().filter(b -> b != userLeg && b != targetLeg).forEach(CalleeLeg::stop);
            a.media.close();
        }
        service.originationEnded(this, new CallRecord(id, tenant.id(), user, target,
                Optional.ofNullable(answeredAt == null ? null : target), startedAt, Optional.ofNullable(answeredAt),
                service.clock().instant(), answeredAt != null ? CallResult.ANSWERED : result,
                answeredAt != null ? 200 : status, by, List.of("click_to_call")), aliases);
    }

    private void stopRingback() {
        if (ringback != null) {
            ringback.close();
            ringback = null;
        }
    }

    private SipScheduler.Timeout schedule(Duration delay, Runnable task) {
        SipScheduler.Timeout t = service.scheduler().schedule(delay, () -> executor.execute(task));
        timers.add(t);
        return t;
    }

    /** The live view (presence and the active calls): the user's phone rings first, then the target's. */
    ActiveCall view() {
        List<String> parties = new ArrayList<>();
        Optional<String> rings = Optional.empty();
        CallState state = CallState.ENDED;
        switch (phase) {
            case RINGING_USER -> {
                rings = Optional.of(user);
                state = CallState.RINGING;
            }
            case RINGING_TARGET -> {
                parties.add(user);
                rings = Optional.of(target);
                state = CallState.RINGING;
            }
            case CONNECTED -> {
                parties.add(user);
                parties.add(target);
                state = CallState.ANSWERED;
            }
            case ENDED -> {
            }
        }
        String callId = userLeg != null ? userLeg.callId() : id;
        return new ActiveCall(id, tenant.id(), user, target, Optional.ofNullable(answeredAt == null ? null : target),
                state, startedAt, Optional.ofNullable(answeredAt),
                new ActiveCall.Legs(List.copyOf(parties), rings, callId, "", ""));
    }
}
