package org.carillon.pbx.team;

import org.carillon.media.play.AudioSource;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.OfferOutcome;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A caller without SIP for the queue soak: its own serial executor like a real call, offers that a random agent
 * answers (then talks briefly), lets ring out or rejects after a few milliseconds, and a chance of hanging up while
 * waiting. Reports what it saw to {@link SoakLedger}.
 */
final class FakeCaller implements CallerSession {
    private final long tenantId;
    private final String number;
    private final ScheduledExecutorService timers;
    private final SoakLedger ledger;
    private final int talkMillis;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    private Optional<Ringing> current = Optional.empty();
    private Optional<String> talkingTo = Optional.empty();
    private boolean ended;
    private volatile boolean settled;

    /** @param talkMillis the longest talk once answered (each talk is 5 ms up to this, at random) */
    FakeCaller(long tenantId, String number, ScheduledExecutorService timers, SoakLedger ledger, int talkMillis) {
        this.talkMillis = talkMillis;
        this.tenantId = tenantId;
        this.number = number;
        this.timers = timers;
        this.ledger = ledger;
    }

    /** Hangs up after {@code delay} unless it ended before. */
    void hangUpAfter(Duration delay) {
        timers.schedule(() -> execute(this::end), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final class Ringing implements OfferHandle {
        final List<String> agents;
        boolean pending = true;

        Ringing(List<String> agents) {
            this.agents = agents;
        }

        @Override
        public boolean pending() {
            return pending;
        }

        @Override
        public void cancel() {
            if (pending) {
                pending = false;
                ledger.stopRinging(agents);
            }
        }
    }

    @Override
    public OfferHandle offer(List<String> extensions, Duration ringFor, Consumer<OfferOutcome> outcome) {
        if (ended || current.filter(Ringing::pending).isPresent() || talkingTo.isPresent()) {
            throw new IllegalStateException("cannot offer now");
        }
        ledger.startRinging(extensions);
        Ringing r = new Ringing(extensions);
        current = Optional.of(r);
        var random = ThreadLocalRandom.current();
        int roll = random.nextInt(100);
        String who = extensions.get(random.nextInt(extensions.size()));
        timers.schedule(() -> execute(() -> {
            if (!r.pending || ended) {
                return;
            }
            r.pending = false;
            ledger.stopRinging(extensions);
            if (roll < 60) {
                talkingTo = Optional.of(who);
                ledger.startTalking(who);
                outcome.accept(new OfferOutcome(OfferOutcome.Result.ANSWERED, Optional.of(who)));
                timers.schedule(() -> execute(this::end), 5 + ThreadLocalRandom.current().nextInt(talkMillis),
                        TimeUnit.MILLISECONDS);
            } else {
                outcome.accept(new OfferOutcome(roll < 80 ? OfferOutcome.Result.NO_ANSWER : OfferOutcome.Result.BUSY,
                        Optional.empty()));
            }
        }), 1 + random.nextInt(20), TimeUnit.MILLISECONDS);
        return r;
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        current.ifPresent(Ringing::cancel);
        talkingTo.ifPresent(ledger::stopTalking);
        gone.complete(null); // queues the onEnded listeners (CallerSession's default, as a real call)
        execute(() -> settled = true);
    }

    /** Ended, and its onEnded listeners have run (they were queued before this flag's task). */
    boolean ended() {
        return settled;
    }

    void close() {
        executor.shutdown();
    }

    @Override
    public void redirect(Destination destination, String reason) {
        throw new UnsupportedOperationException("the soak's teams are always open");
    }

    @Override
    public String id() {
        return "fake-" + number + "-" + System.identityHashCode(this);
    }

    @Override
    public String dialled() {
        return "6xx";
    }

    @Override
    public String caller() {
        return number;
    }

    @Override
    public void earlyMedia() {
    }

    @Override
    public void answer() {
    }

    @Override
    public CompletableFuture<?> play(List<? extends AudioSource> playlist) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void hangUp(int status) {
        end();
    }

    @Override
    public long tenantId() {
        return tenantId;
    }

    @Override
    public Timer after(Duration delay, Runnable task) {
        var f = timers.schedule(() -> execute(() -> {
            if (!ended) {
                task.run();
            }
        }), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void forward(Destination destination) {
        end();
    }

    @Override
    public java.util.concurrent.Executor executor() {
        return executor;
    }

    @Override
    public CompletableFuture<Void> gone() {
        return gone;
    }

    /** Queue callers press no keys in the soak. */
    @Override
    public CompletableFuture<org.carillon.media.dtmf.CollectedDigits> collect(List<? extends AudioSource> prompt,
            org.carillon.media.dtmf.DigitCollector.Spec spec) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no keys in the soak"));
    }

    /** Nothing is recorded in the soak. */
    @Override
    public CompletableFuture<org.carillon.pbx.call.Recording> record(java.nio.file.Path target,
            org.carillon.pbx.call.Recording.Spec spec) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no recording in the soak"));
    }

    @Override
    public java.util.Optional<String> forwardedBecause() {
        return java.util.Optional.empty();
    }
}
