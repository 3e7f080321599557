package org.carillon.pbx.voicemail;

import org.carillon.media.dtmf.CollectedDigits;
import org.carillon.media.dtmf.DigitCollector;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Listening by phone ({@link Destination.Type#VOICEMAIL_MENU}): {@code *97} (empty target) opens the caller's own
 * mailbox — without a PIN when calling from the extension's own device and the mailbox allows it (the INVITE was
 * digest-authenticated as that device) —, {@code *98} ({@code any}) asks for a mailbox number and its PIN. Three wrong
 * PINs end the call; every failure is logged. Menu: 1 new messages, 2 saved, 3 greetings, 4 change PIN, * exit; per
 * message (after its envelope: caller, date and time): 1 replay, 2 save, 7 delete, 4 previous, 6 next, * back.
 *
 * <p>Threads: the script runs on its own virtual thread ({@link CallerScript}).
 */
@Component
public class VoicemailMenuApplication implements CallApplication {
    private static final Logger log = LoggerFactory.getLogger(VoicemailMenuApplication.class);
    static final int PIN_ATTEMPTS = 3;
    private static final DigitCollector.Spec KEY = new DigitCollector.Spec(1, "", Duration.ofSeconds(8),
            Duration.ofSeconds(3), Duration.ofSeconds(120));
    private static final DigitCollector.Spec NUMBER = new DigitCollector.Spec(10, "#", Duration.ofSeconds(10),
            Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final Duration LONGEST_GREETING = Duration.ofSeconds(120);

    private final VoicemailService service;
    private final StorageFailures failures;

    public VoicemailMenuApplication(VoicemailService service, StorageFailures failures) {
        this.service = service;
        this.failures = failures;
    }

    @Override
    public Destination.Type type() {
        return Destination.Type.VOICEMAIL_MENU;
    }

    @Override
    public void handle(CallerSession session, Destination destination) {
        boolean any = destination.target().equals("any");
        long tenantId = session.tenantId();
        CallerScript.start(session, "voicemail-menu", s -> {
            s.answer();
            Optional<Mailbox> box = any ? anyMailbox(s, tenantId) : ownMailbox(s, tenantId);
            if (box.isPresent()) {
                mainMenu(s, box.get());
            }
            goodbye(s);
        });
    }

    private Optional<Mailbox> ownMailbox(CallerScript s, long tenantId) {
        Optional<Mailbox> own = service.find(tenantId, s.caller());
        if (own.isEmpty()) {
            return Optional.empty();
        }
        if (own.get().skipPinOnOwnDevice()) {
            return own; // the INVITE came from this extension's own, digest-authenticated device
        }
        return pin(s, own.get()) ? own : Optional.empty();
    }

    private Optional<Mailbox> anyMailbox(CallerScript s, long tenantId) {
        for (int attempt = 1; attempt <= PIN_ATTEMPTS; attempt++) {
            String number = s.collect(VoicemailPrompts.of("vm-enter-mailbox"), NUMBER).digits();
            String pin = s.collect(VoicemailPrompts.of("enter-pin"), NUMBER).digits();
            Optional<Mailbox> box = service.find(tenantId, number);
            if (box.isPresent() && service.pinMatches(box.get(), pin)) {
                log.info("voicemail: {} opened mailbox {} with its PIN", s.caller(), number);
                return box;
            }
            // an unknown mailbox sounds like a wrong PIN: a caller cannot probe which mailboxes exist
            log.warn("voicemail: wrong mailbox or PIN from {} for mailbox '{}' (attempt {} of {})", s.caller(), number,
                    attempt, PIN_ATTEMPTS);
            s.play(VoicemailPrompts.of("pin-incorrect"));
        }
        log.warn("voicemail: {} gave {} wrong PINs; call ended", s.caller(), PIN_ATTEMPTS);
        return Optional.empty();
    }

    private boolean pin(CallerScript s, Mailbox box) {
        if (box.pinHash().isEmpty()) {
            log.warn("voicemail: {} asked for mailbox {} which has no PIN", s.caller(), box.number());
            s.play(VoicemailPrompts.of("vm-no-pin"));
            return false;
        }
        for (int attempt = 1; attempt <= PIN_ATTEMPTS; attempt++) {
            String pin = s.collect(VoicemailPrompts.of("enter-pin"), NUMBER).digits();
            if (service.pinMatches(box, pin)) {
                return true;
            }
            log.warn("voicemail: wrong PIN from {} for mailbox {} (attempt {} of {})", s.caller(), box.number(),
                    attempt, PIN_ATTEMPTS);
            s.play(VoicemailPrompts.of("pin-incorrect"));
        }
        log.warn("voicemail: {} gave {} wrong PINs for mailbox {}; call ended", s.caller(), PIN_ATTEMPTS, box.number());
        return false;
    }

    private void mainMenu(CallerScript s, Mailbox box) {
        int silent = 0;
        // what the last step has to say ("message deleted") leads the next prompt, so keys typed ahead count
        List<AudioSource> said = new ArrayList<>();
        while (silent < 2) {
            List<VoicemailMessage> all = service.messages(box);
            List<VoicemailMessage> fresh = all.stream().filter(m -> !m.heard()).toList();
            List<VoicemailMessage> saved = all.stream().filter(VoicemailMessage::heard).toList();
            List<AudioSource> prompt = new ArrayList<>(said);
            said.clear();
            prompt.addAll(summary(fresh.size(), saved.size()));
            prompt.addAll(VoicemailPrompts.of("vm-menu"));
            CollectedDigits key = s.collect(prompt, KEY);
            switch (key.digits()) {
                case "1" -> said.addAll(messages(s, box, fresh));
                case "2" -> said.addAll(messages(s, box, saved));
                case "3" -> greetings(s, box);
                case "4" -> changePin(s, box);
                case "*" -> {
                    return;
                }
                case "" -> silent++;
                default -> said.addAll(VoicemailPrompts.of("vm-invalid-option"));
            }
            if (!key.digits().isEmpty()) {
                silent = 0;
            }
        }
    }

    /** "You have 2 new messages and 1 saved message." */
    private static List<AudioSource> summary(int fresh, int saved) {
        if (fresh == 0 && saved == 0) {
            return VoicemailPrompts.of("vm-no-messages");
        }
        List<AudioSource> list = new ArrayList<>(VoicemailPrompts.of("vm-you-have"));
        list.addAll(VoicemailPrompts.digits(Integer.toString(fresh)));
        list.add(VoicemailPrompts.clip(fresh == 1 ? "vm-new-message" : "vm-new-messages"));
        list.add(VoicemailPrompts.clip("vm-and"));
        list.addAll(VoicemailPrompts.digits(Integer.toString(saved)));
        list.add(VoicemailPrompts.clip(saved == 1 ? "vm-saved-message" : "vm-saved-messages"));
        return list;
    }

    /** Plays the messages of {@code list} with their menu; returns what to say before the main menu. */
    private List<AudioSource> messages(CallerScript s, Mailbox box, List<VoicemailMessage> list) {
        if (list.isEmpty()) {
            return VoicemailPrompts.of("vm-no-messages");
        }
        int i = 0;
        boolean play = true;
        int silent = 0;
        List<AudioSource> said = new ArrayList<>();
        while (i < list.size() && silent < 2) {
            VoicemailMessage m = list.get(i);
            List<AudioSource> prompt = new ArrayList<>(said);
            said.clear();
            if (play) {
                prompt.addAll(VoicemailPrompts.envelope(m.caller(), m.receivedAt().atZone(service.zone(box.tenantId()))));
                audio(box, m).ifPresent(prompt::add);
                if (!m.heard()) {
                    service.markHeard(box, m.id(), true);
                }
            }
            prompt.addAll(VoicemailPrompts.of("vm-message-options"));
            String key = s.collect(prompt, KEY).digits();
            play = false;
            silent = key.isEmpty() ? silent + 1 : 0;
            switch (key) {
                case "1" -> play = true;
                case "2" -> {
                    service.markHeard(box, m.id(), true);
                    said.addAll(VoicemailPrompts.of("vm-message-saved"));
                    i++;
                    play = true;
                }
                case "7" -> {
                    service.delete(box, m.id());
                    said.addAll(VoicemailPrompts.of("vm-message-deleted"));
                    i++;
                    play = true;
                }
                case "4" -> {
                    if (i == 0) {
                        said.addAll(VoicemailPrompts.of("vm-first-message"));
                    } else {
                        i--;
                    }
                    play = true;
                }
                case "6" -> {
                    i++;
                    play = true;
                }
                case "*" -> {
                    return said;
                }
                case "" -> { }
                default -> said.addAll(VoicemailPrompts.of("vm-invalid-option"));
            }
        }
        if (i >= list.size()) {
            said.addAll(VoicemailPrompts.of("vm-end-of-messages"));
        }
        return said;
    }

    private Optional<AudioSource> audio(Mailbox box, VoicemailMessage m) {
        try {
            return Optional.of(new ClipSource(WavReader.read(service.audio(box, m)), false));
        } catch (RuntimeException e) {
            log.error("voicemail: audio of message {} in {} unreadable: {}", m.id(), box.number(), e.toString());
            return Optional.empty();
        }
    }

    private void greetings(CallerScript s, Mailbox box) {
        String key = s.collect(VoicemailPrompts.of("vm-greeting-menu"), KEY).digits();
        Greeting kind = switch (key) {
            case "1" -> Greeting.UNAVAILABLE;
            case "2" -> Greeting.BUSY;
            case "3" -> Greeting.NAME;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        List<AudioSource> intro = new ArrayList<>(VoicemailPrompts.of("vm-record-greeting"));
        intro.add(VoicemailPrompts.beep());
        s.play(intro);
        Path target = service.greetingFile(box, kind);
        Recording r;
        try {
            r = s.record(target, new Recording.Spec(LONGEST_GREETING, Duration.ofSeconds(5), "#"));
        } catch (RecordingFailedException | UncheckedIOException e) {
            log.error("voicemail: greeting {} of {} could not be written: {}", kind.wire(), box.number(), e.toString());
            failures.record(box.number(), kind.wire() + " greeting", e);
            s.play(VoicemailPrompts.of("vm-not-saved"));
            return;
        }
        log.info("voicemail: {} greeting of {} recorded by phone ({} ms)", kind.wire(), box.number(),
                r.length().toMillis());
        service.greetingRecorded(box, kind, s.caller(), s.source());
        if (!s.gone()) {
            s.play(VoicemailPrompts.of("vm-greeting-saved"));
        }
    }

    private void changePin(CallerScript s, Mailbox box) {
        String pin = s.collect(VoicemailPrompts.of("vm-new-pin"), NUMBER).digits();
        if (!MailboxChanges.validPin(pin)) {
            s.play(VoicemailPrompts.of("vm-pin-invalid"));
            return;
        }
        service.changePin(box, pin, s.caller(), s.source());
        log.info("voicemail: PIN of {} changed by phone from {}", box.number(), s.caller());
        s.play(VoicemailPrompts.of("vm-pin-changed"));
    }

    private static void goodbye(CallerScript s) {
        if (!s.gone()) {
            s.play(VoicemailPrompts.of("goodbye"));
            s.hangUp(480);
        }
    }
}
