package org.carillon.pbx.call;

import org.carillon.media.play.TonePlan;
import org.carillon.media.play.ToneSource;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays a prompt to the caller as early media and then refuses the call: today the one prompt is
 * {@value #UNKNOWN_NUMBER} — the special information tone (ITU-T E.180 §7: 950/1400/1800 Hz, 330 ms each) twice —
 * for numbers that lead nowhere, ending with 404 Not Found. Recorded announcements will replace the tones.
 */
@Component
public class PromptApplication implements CallApplication {
    public static final String UNKNOWN_NUMBER = "unknown-number";
    private static final TonePlan SIT = new TonePlan(List.of(new TonePlan.Segment(950, 0, 330),
            new TonePlan.Segment(1400, 0, 330), new TonePlan.Segment(1800, 0, 330), new TonePlan.Segment(0, 0, 1000),
            new TonePlan.Segment(950, 0, 330), new TonePlan.Segment(1400, 0, 330),
            new TonePlan.Segment(1800, 0, 330)), false, -24);
    private static final Duration LONGEST = Duration.ofSeconds(30);

    @Override
    public Destination.Type type() {
        return Destination.Type.PROMPT;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        caller.earlyMedia();
        try {
            caller.play(List.of(new ToneSource(SIT))).get(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // hang up anyway
        }
        caller.hangUp(404);
    }
}
