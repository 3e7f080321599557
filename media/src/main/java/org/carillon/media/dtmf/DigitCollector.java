package org.carillon.media.dtmf;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.carillon.media.time.Cancellable;
import org.carillon.media.time.MediaScheduler;

/**
 * Collects digits for a menu or a PIN: stops at {@code maxDigits}, at a terminator key, after the
 * inter-digit timeout, when the first digit does not come in time, or at the overall limit — whichever
 * comes first — and reports once. Timers run on the injected scheduler; {@link #accept} must be called on
 * its thread (the leg's event loop, where DTMF arrives).
 */
public final class DigitCollector implements DtmfListener {

    /**
     * @param maxDigits stop after this many digits, 1..64
     * @param terminators keys that end input early (not included in the result), e.g. "#"
     * @param firstDigitTimeout how long to wait for the first digit
     * @param interDigitTimeout how long to wait for each further digit
     * @param overallTimeout hard limit from the start
     */
    public record Spec(int maxDigits, String terminators, Duration firstDigitTimeout, Duration interDigitTimeout,
                       Duration overallTimeout) {

        /** @throws IllegalArgumentException if {@code maxDigits} is outside 1..64 */
        public Spec {
            if (maxDigits < 1 || maxDigits > 64) {
                throw new IllegalArgumentException("maxDigits " + maxDigits);
            }
        }
    }

    private final MediaScheduler scheduler;
    private final Spec spec;
    private final Consumer<CollectedDigits> onDone;
    private final StringBuilder digits = new StringBuilder();
    private final Cancellable overall;
    private Cancellable wait;
    private boolean done;

    /** Starts collecting now. */
    public DigitCollector(MediaScheduler scheduler, Spec spec, Consumer<CollectedDigits> onDone) {
        this.scheduler = scheduler;
        this.spec = spec;
        this.onDone = onDone;
        this.overall = scheduler.schedule(() -> finish(CollectedDigits.Reason.OVERALL_TIMEOUT),
                spec.overallTimeout().toNanos(), TimeUnit.NANOSECONDS);
        this.wait = scheduler.schedule(() -> finish(CollectedDigits.Reason.NO_INPUT),
                spec.firstDigitTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Takes one digit. Ignored after the collector finished. */
    public void accept(char digit) {
        if (done) {
            return;
        }
        if (spec.terminators().indexOf(digit) >= 0) {
            finish(CollectedDigits.Reason.TERMINATOR);
            return;
        }
        digits.append(digit);
        if (digits.length() >= spec.maxDigits()) {
            finish(CollectedDigits.Reason.MAX_DIGITS);
            return;
        }
        wait.cancel();
        wait = scheduler.schedule(() -> finish(CollectedDigits.Reason.INTER_DIGIT_TIMEOUT),
                spec.interDigitTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void eventEnded(DtmfEvent event) {
        accept(event.digit());
    }

    /** Ends collection now with what was gathered. */
    public void cancel() {
        finish(CollectedDigits.Reason.CANCELLED);
    }

    /** Whether the collector has reported. */
    public boolean done() {
        return done;
    }

    private void finish(CollectedDigits.Reason reason) {
        if (done) {
            return;
        }
        done = true;
        overall.cancel();
        wait.cancel();
        onDone.accept(new CollectedDigits(digits.toString(), reason));
    }
}
