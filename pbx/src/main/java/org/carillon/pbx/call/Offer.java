package org.carillon.pbx.call;

import org.carillon.media.offer.AudioOfferer;
import org.carillon.media.offer.LocalAudio;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.offer.SdpSession;
import org.carillon.media.port.PortRangeExhaustedException;
import org.carillon.media.sdp.Direction;
import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.pbx.registrar.Binding;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An application's answered caller (who hears what the application plays, typically music on hold) offered to one or
 * several extensions at once for a ring time: every registered device of every extension rings (ring all); the first
 * to answer is bridged with the caller and the others are cancelled. Unlike {@link Call#ring} the caller hears no
 * ringback and is never rejected: the outcome goes back to the application, which decides what next (another agent,
 * overflow, keep waiting).
 *
 * <p>Threads: call executor only, like the {@link Call} it belongs to; the outcome callback runs there too, exactly once
 * unless {@link #cancel()} came first. The call cancels a pending offer when it ends (the caller hung up).
 */
final class Offer implements CallerSession.OfferHandle {
    private static final Logger log = LoggerFactory.getLogger(Offer.class);

    private final Call call;
    private final Consumer<OfferOutcome> outcome;
    private final List<Attempt> attempts = new ArrayList<>();
    private SipScheduler.Timeout timer;
    private boolean done;

    private Offer(Call call, Consumer<OfferOutcome> outcome) {
        this.call = call;
        this.outcome = outcome;
    }

    /** Rings {@code numbers} on all their registered devices for {@code ringFor}, bridging whoever answers first. */
    static Offer start(Call call, Party caller, List<String> numbers, Duration ringFor,
                       Consumer<OfferOutcome> outcome) {
        Offer offer = new Offer(call, outcome);
        String domain = call.domain();
        Address from = CalleeLeg.address(Optional.of(caller.number()), caller.number(), domain);
        for (String number : numbers) {
            Optional<DeviceAccount> account = call.service().devices().findByNumber(call.tenantId(), number);
            List<Binding> bindings = account.map(a -> call.service().registrar().bindings(a.extensionId()))
                    .orElse(List.of());
            if (!bindings.isEmpty()) {
                offer.ring(number, caller, bindings, from, CalleeLeg.address(Optional.empty(), number, domain));
            }
        }
        if (offer.attempts.isEmpty()) {
            offer.done = true; // reported on a later turn of the executor: the application sees one order of events
            call.executor().execute(() -> outcome.accept(OfferOutcome.of(OfferOutcome.Result.UNREGISTERED)));
            return offer;
        }
        offer.timer = call.schedule(ringFor, offer::expire);
        call.executor().execute(offer::check); // every device may have failed already (no route, transport error)
        return offer;
    }

    private void ring(String number, Party caller, List<Binding> bindings, Address from, Address to) {
        Attempt attempt;
        try {
            var media = call.service().media().engine().openLegBeside(caller.media());
            LocalAudio local = Ringing.preferring(call.service().media().local(media.localPort()),
                    caller.media().codec());
            SdpSession sdp = new SdpSession("carillon", call.service().media().address());
            attempt = new Attempt(number, caller, media, local, sdp, AudioOfferer.offer(local, sdp, Direction.SENDRECV),
                    Optional.empty());
        } catch (PortRangeExhaustedException e) {
            log.warn("call {}: no media port to offer the caller to {}", call.id(), number);
            return;
        }
        attempt.offering = this;
        attempts.add(attempt);
        call.track(attempt);
        for (Binding b : bindings) {
            CalleeLeg branch = new CalleeLeg(call, attempt, call.service(), b, from, to, caller.number(),
                    attempt.offer);
            attempt.branches.add(branch);
            call.alias(branch);
            try {
                branch.start();
            } catch (RuntimeException e) {
                log.debug("call {}: offered branch to {} not sent: {}", call.id(), b.target(), e.getMessage());
                branch.failed(503);
            }
        }
    }

    @Override
    public boolean pending() {
        return !done;
    }

    /** Stops ringing (CANCEL, or BYE to a device answering too late); the outcome is not reported. */
    @Override
    public void cancel() {
        if (done) {
            return;
        }
        done = true;
        stopAll(Optional.empty());
        call.offerEnded(this);
    }

    void onResponse(CalleeLeg branch, SipResponse r) {
        int status = r.statusCode();
        if (status < 200) {
            branch.provisional(r); // the caller keeps hearing the application's audio: no early media, no 180
            return;
        }
        if (status >= 300) {
            onFailed(branch, status);
            return;
        }
        if (!branch.confirm(r)) {
            return;
        }
        if (done || call.state() == CallState.ENDED) {
            branch.bye(); // answered after another device, the ring time or the caller's hang-up
            return;
        }
        Attempt attempt = branch.attempt();
        NegotiatedAudio agreed;
        try {
            agreed = attempt.agreed(r);
        } catch (OfferAnswerException e) {
            log.debug("call {}: offered device's answer unusable: {}", call.id(), e.getMessage());
            branch.bye();
            branch.failed(488);
            check();
            return;
        }
        attempt.media.apply(agreed).join();
        done = true;
        stopAll(Optional.of(branch));
        call.offerAnswered(this, branch);
        outcome.accept(new OfferOutcome(OfferOutcome.Result.ANSWERED, Optional.of(attempt.number)));
    }

    void onFailed(CalleeLeg branch, int status) {
        branch.failed(status);
        check();
    }

    private void expire() {
        if (!done) {
            log.debug("call {}: offer not answered in time", call.id());
            finish(OfferOutcome.Result.NO_ANSWER);
        }
    }

    /** When every device of every extension failed: busy if any refused, else no answer. */
    private void check() {
        if (done || !attempts.stream().allMatch(Attempt::allEnded)) {
            return;
        }
        boolean busy = attempts.stream().flatMap(a -> a.branches.stream()).mapToInt(CalleeLeg::finalStatus)
                .anyMatch(s -> s == 486 || s == 600 || s == 603);
        finish(busy ? OfferOutcome.Result.BUSY : OfferOutcome.Result.NO_ANSWER);
    }

    private void finish(OfferOutcome.Result result) {
        done = true;
        stopAll(Optional.empty());
        call.offerEnded(this);
        outcome.accept(OfferOutcome.of(result));
    }

    private void stopAll(Optional<CalleeLeg> winner) {
        if (timer != null) {
            timer.cancel();
        }
        for (Attempt a : attempts) {
            a.done = true;
            for (CalleeLeg b : a.branches) {
                if (winner.filter(w -> w == b).isEmpty()) {
                    b.stop();
                }
            }
            if (winner.filter(w -> w.attempt() == a).isEmpty()) {
                a.media.close();
            }
        }
    }
}
