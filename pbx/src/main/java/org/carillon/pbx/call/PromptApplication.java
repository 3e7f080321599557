package org.carillon.pbx.call;

import org.carillon.media.play.AudioSource;
import org.carillon.media.play.ClipSource;
import org.carillon.media.play.Prompts;
import org.carillon.media.play.TonePlan;
import org.carillon.media.play.ToneSource;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays a prompt to the caller as early media and then refuses the call. {@value #UNKNOWN_NUMBER} (numbers that
 * lead nowhere) is the special information tone (ITU-T E.180 §7: 950/1400/1800 Hz, 330 ms each) then the built-in
 * "invalid extension" announcement, ending with 404 Not Found; any other target names a built-in prompt.
 */
@Component
public class PromptApplication implements CallApplication {
    public static final String UNKNOWN_NUMBER = "unknown-number";
    private static final TonePlan SIT = new TonePlan(List.of(new TonePlan.Segment(950, 0, 330),
            new TonePlan.Segment(1400, 0, 330), new TonePlan.Segment(1800, 0, 330), new TonePlan.Segment(0, 0, 300)),
            false, -24);
    private static final Duration LONGEST = Duration.ofSeconds(30);

    @Override
    public Destination.Type type() {
        return Destination.Type.PROMPT;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        caller.earlyMedia();
        try {
            String id = destination.target().equals(UNKNOWN_NUMBER) ? "invalid-extension" : destination.target();
            List<AudioSource> playlist = new ArrayList<>();
            if (destination.target().equals(UNKNOWN_NUMBER)) {
                playlist.add(new ToneSource(SIT));
            }
            Prompts.find(id).ifPresent(clip -> playlist.add(new ClipSource(clip, false)));
            caller.play(playlist).get(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // hang up anyway
        }
        caller.hangUp(404);
    }
}
