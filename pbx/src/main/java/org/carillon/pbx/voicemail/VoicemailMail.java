package org.carillon.pbx.voicemail;

import org.carillon.platform.mail.MailMessage;
import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The email a new message sends per the mailbox's {@link EmailOption}: a notification, or the same with the WAV
 * attached ({@code audio/wav}, named {@code voicemail-<from>-<yyyy-MM-dd-HHmm>.wav}). Stateless.
 */
@Component
class VoicemailMail {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm");
    private static final DateTimeFormatter FILE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

    private final String baseUrl;

    VoicemailMail(Settings settings) {
        this.baseUrl = settings.string("CARILLON_PBX_BASE_URL", "http://localhost:8080");
    }

    /** The email for {@code m}, or nothing when the option is {@link EmailOption#NONE}. */
    java.util.Optional<MailMessage> of(Mailbox box, String recipient, VoicemailMessage m, ZoneId zone, Path audio) {
        if (box.emailOption() == EmailOption.NONE) {
            return java.util.Optional.empty();
        }
        var at = m.receivedAt().atZone(zone);
        long seconds = Math.round(m.length().toMillis() / 1000.0);
        String subject = "New voicemail from " + m.caller() + " (" + seconds / 60 + ":"
                + String.format("%02d", seconds % 60) + ")";
        String body = "You have a new voicemail in mailbox " + box.number() + ".\n\n"
                + "From: " + m.caller() + "\n"
                + "Received: " + WHEN.format(at) + " (" + zone.getId() + ")\n"
                + "Length: " + seconds + " s\n\n"
                + (box.emailOption() == EmailOption.ATTACH ? "The message is attached as a WAV file.\n" : "")
                + "Listen to it by dialling *97 or at " + baseUrl + "/voicemail\n";
        if (box.emailOption() == EmailOption.NOTIFY) {
            return java.util.Optional.of(new MailMessage(recipient, subject, body));
        }
        try {
            byte[] wav = Files.readAllBytes(audio);
            String name = "voicemail-" + m.caller().replaceAll("[^0-9A-Za-z+]", "") + "-" + FILE.format(at) + ".wav";
            return java.util.Optional.of(new MailMessage(recipient, subject, body,
                    List.of(new MailMessage.Attachment(name, "audio/wav", wav))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
