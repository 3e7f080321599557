package org.carillon.pbx.voicemail;

import org.carillon.media.play.AudioSource;
import org.carillon.media.play.ClipSource;
import org.carillon.media.play.Prompts;
import org.carillon.media.play.TonePlan;
import org.carillon.media.play.ToneSource;
import org.carillon.media.wav.AudioClip;
import org.carillon.media.wav.WavReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The voicemail's sounds: its own prompts ({@code org/carillon/pbx/voicemail/prompts/<id>.wav}, made by
 * {@code pbx/prompts/generate.sh}), the media module's built-in set for the rest, the beep, and spoken envelopes
 * (numbers digit by digit, months by name). Clips are decoded once. Thread-safe.
 */
final class VoicemailPrompts {
    /** 1000 Hz for half a second: the tone before recording. */
    private static final TonePlan BEEP = new TonePlan(List.of(new TonePlan.Segment(1000, 0, 500)), false, -10);
    private static final Map<String, AudioClip> OWN = new ConcurrentHashMap<>();

    private VoicemailPrompts() {
    }

    /** A playlist of prompts by id. @throws IllegalArgumentException for an unknown id */
    static List<AudioSource> of(String... ids) {
        List<AudioSource> list = new ArrayList<>();
        for (String id : ids) {
            list.add(clip(id));
        }
        return list;
    }

    static AudioSource clip(String id) {
        return new ClipSource(require(id), false);
    }

    static AudioSource beep() {
        return new ToneSource(BEEP);
    }

    /** {@code digits} spoken one by one. */
    static List<AudioSource> digits(String digits) {
        return Prompts.digits(digits.replaceAll("[^0-9*#]", "")).stream()
                .map(c -> (AudioSource) new ClipSource(c, false)).toList();
    }

    /** "Message from 1 0 0 2, received November 2 7 at 0 8 3 5": the envelope, in the mailbox's time zone. */
    static List<AudioSource> envelope(String caller, ZonedDateTime at) {
        List<AudioSource> list = new ArrayList<>(of("vm-from"));
        list.addAll(digits(caller));
        list.addAll(of("vm-received", "month-" + at.getMonthValue()));
        list.addAll(digits(Integer.toString(at.getDayOfMonth())));
        list.add(clip("vm-at"));
        list.addAll(digits(String.format("%02d%02d", at.getHour(), at.getMinute())));
        return list;
    }

    private static AudioClip require(String id) {
        AudioClip own = OWN.computeIfAbsent(id, VoicemailPrompts::load);
        return own.samples().length > 0 ? own : Prompts.require(id);
    }

    private static AudioClip load(String id) {
        String resource = "/org/carillon/pbx/voicemail/prompts/" + id + ".wav";
        try (InputStream in = VoicemailPrompts.class.getResourceAsStream(resource)) {
            return in == null ? new AudioClip(id, new short[0]) : WavReader.read(resource, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
