package org.carillon.pbx.voicemail;

import org.carillon.media.play.AudioSource;
import org.carillon.media.play.ClipSource;
import org.carillon.media.wav.WavReader;
import org.carillon.pbx.call.CallApplication;
import org.carillon.pbx.call.CallerScript;
import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.Recording;
import org.carillon.pbx.call.RecordingFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Leaving a message ({@link Destination.Type#VOICEMAIL}, target: the mailbox's extension): answer, greeting (busy or
 * unavailable, recorded or built in), the instructions when on, the beep, then record until {@code #}, hang-up,
 * silence or the mailbox's maximum length. A message shorter than {@code CARILLON_VOICEMAIL_MIN_SECONDS} is
 * discarded. The file is complete and renamed before its row is committed, so a message never half-exists; a write
 * failure (disk full) ends the recording, the caller hears that the message was not saved, and it is logged.
 *
 * <p>Threads: {@link #handle} returns at once; the script runs on its own virtual thread ({@link CallerScript}).
 */
@Component
public class VoicemailApplication implements CallApplication {
    private static final Logger log = LoggerFactory.getLogger(VoicemailApplication.class);

    private final VoicemailService service;
    private final StorageFailures failures;
    private final Clock clock;

    public VoicemailApplication(VoicemailService service, StorageFailures failures, Clock clock) {
        this.service = service;
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    public Destination.Type type() {
        return Destination.Type.VOICEMAIL;
    }

    /** A switched-off mailbox (or no such extension) takes nothing: the caller gets 480/486 as without voicemail. */
    @Override
    public boolean serves(CallerSession caller, Destination destination) {
        return service.find(caller.tenantId(), destination.target()).filter(Mailbox::enabled).isPresent();
    }

    @Override
    public void handle(CallerSession session, Destination destination) {
        Optional<Mailbox> box = service.find(session.tenantId(), destination.target()).filter(Mailbox::enabled);
        if (box.isEmpty()) {
            session.hangUp(480);
            return;
        }
        boolean busy = session.forwardedBecause().filter("busy"::equals).isPresent();
        CallerScript.start(session, "voicemail", s -> deposit(s, box.get(), busy));
    }

    private void deposit(CallerScript s, Mailbox box, boolean busy) {
        s.answer();
        if (service.full(box)) {
            log.info("voicemail: mailbox {} is full ({} messages); {} could not leave one", box.number(),
                    box.maxMessages(), s.caller());
            s.play(VoicemailPrompts.of("vm-mailbox-full", "goodbye"));
            s.hangUp(486);
            return;
        }
        List<AudioSource> intro = new ArrayList<>(greeting(box, busy));
        if (box.instructions()) {
            intro.add(VoicemailPrompts.clip("leave-message"));
        }
        intro.add(VoicemailPrompts.beep());
        s.play(intro);
        String id = UUID.randomUUID().toString();
        Instant receivedAt = clock.instant();
        Recording r;
        Path target;
        try {
            target = service.newMessageFile(box, id);
            r = s.record(target, new Recording.Spec(Duration.ofSeconds(box.maxMessageSeconds()),
                    service.settings().silenceTimeout(), "#"));
        } catch (RecordingFailedException | UncheckedIOException e) {
            log.error("voicemail: message from {} for {} could not be written: {}", s.caller(), box.number(),
                    e.toString());
            failures.record(box.number(), "message from " + s.caller(), e);
            notSaved(s);
            return;
        }
        if (r.length().compareTo(service.settings().minLength()) < 0) {
            log.info("voicemail: message from {} for {} discarded ({} ms is shorter than the minimum)", s.caller(),
                    box.number(), r.length().toMillis());
            service.files().delete(r.file());
            finish(s, List.of("goodbye"));
            return;
        }
        try {
            service.save(box, id, s.caller(), receivedAt, r.length());
        } catch (RuntimeException e) {
            log.error("voicemail: message from {} for {} not saved", s.caller(), box.number(), e);
            failures.record(box.number(), "message from " + s.caller(), e);
            service.files().delete(r.file());
            notSaved(s);
            return;
        }
        finish(s, List.of("vm-message-saved", "goodbye"));
    }

    /** The recorded greeting for the occasion, else the recorded name with the built-in words, else built in. */
    private List<AudioSource> greeting(Mailbox box, boolean busy) {
        Optional<Path> recorded = service.greeting(box, busy ? Greeting.BUSY : Greeting.UNAVAILABLE);
        if (recorded.isEmpty() && busy) {
            recorded = service.greeting(box, Greeting.UNAVAILABLE);
        }
        if (recorded.isPresent()) {
            try {
                return List.of(new ClipSource(WavReader.read(recorded.get()), false));
            } catch (RuntimeException e) {
                log.warn("voicemail: greeting {} unreadable, playing the built-in one: {}", recorded.get(), e.toString());
            }
        }
        List<AudioSource> list = new ArrayList<>();
        service.greeting(box, Greeting.NAME).ifPresent(name -> {
            try {
                list.add(new ClipSource(WavReader.read(name), false));
            } catch (RuntimeException e) {
                log.warn("voicemail: name greeting {} unreadable: {}", name, e.toString());
            }
        });
        list.add(VoicemailPrompts.clip(busy ? "busy" : "not-available"));
        return list;
    }

    private static void notSaved(CallerScript s) {
        finish(s, List.of("vm-not-saved", "goodbye"));
    }

    private static void finish(CallerScript s, List<String> prompts) {
        if (!s.gone()) {
            s.play(VoicemailPrompts.of(prompts.toArray(String[]::new)));
            s.hangUp(480);
        }
    }
}
