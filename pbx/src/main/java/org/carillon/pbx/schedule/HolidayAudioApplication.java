package org.carillon.pbx.schedule;

import org.carillon.media.play.ClipSource;
import org.carillon.pbx.call.CallApplication;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays a holiday's audio file to the caller as early media, then ends the call with 480 Temporarily Unavailable
 * (RFC 3261 §21.4.18: the callee is known but not taking calls now). Runs on the call's executor.
 */
@Component
public class HolidayAudioApplication implements CallApplication {
    /** The longest a holiday announcement may play. */
    private static final long LONGEST_MS = 10 * 60 * 1000L;
    private final HolidayFiles files;

    public HolidayAudioApplication(HolidayFiles files) {
        this.files = files;
    }

    @Override
    public Destination.Type type() {
        return Destination.Type.HOLIDAY;
    }

    @Override
    public void handle(CallerSession caller, Destination destination) {
        var clip = destination.target().matches("[0-9]{1,18}") ? files.clip(Long.parseLong(destination.target()))
                : java.util.Optional.<org.carillon.media.wav.AudioClip>empty();
        if (clip.isPresent()) {
            caller.earlyMedia();
            try {
                caller.play(List.of(new ClipSource(clip.get(), false))).get(LONGEST_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // end the call anyway
            }
        }
        caller.hangUp(480);
    }
}
