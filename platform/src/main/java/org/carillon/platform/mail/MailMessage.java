package org.carillon.platform.mail;

import java.util.List;
import java.util.Objects;

/**
 * One email to send: plain text body, optional attachments (a voicemail WAV, an invoice PDF).
 *
 * @param recipient a single address
 */
public record MailMessage(String recipient, String subject, String bodyText, List<Attachment> attachments) {

    public MailMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(bodyText, "bodyText");
        attachments = List.copyOf(attachments);
    }

    public MailMessage(String recipient, String subject, String bodyText) {
        this(recipient, subject, bodyText, List.of());
    }

    /** A file attached to a message. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
