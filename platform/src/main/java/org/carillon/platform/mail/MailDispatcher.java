package org.carillon.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends due outbox messages. A failed send is retried with growing delays (1 min, 5 min, 15 min, then hourly) and
 * given up after {@value #MAX_ATTEMPTS} attempts; a message is marked sent only after the SMTP server accepted it, so
 * a crash in between re-sends it (at-least-once). Without SMTP, messages are marked {@code local}. The transport is
 * asked of the {@link SmtpTransportSource} at each dispatch that has something to send, so a mail server changed while
 * running serves the next message.
 */
@Component
public class MailDispatcher {
    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1));

    private final MailOutboxStore store;
    private final SmtpTransportSource transports;
    private final Clock clock;

    public MailDispatcher(MailOutboxStore store, SmtpTransportSource transports, Clock clock) {
        this.store = store;
        this.transports = transports;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${carillon.mail.poll-ms:2000}", initialDelay = 1000)
    public void poll() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            log.warn("Mail dispatch failed: {}", e.toString());
        }
    }

    /** Sends everything due now; returns how many messages left the outbox's pending state. */
    public synchronized int dispatchDue() {
        int done = 0;
        List<OutboxEntry> due = store.due(clock.instant(), 50);
        if (due.isEmpty()) {
            return 0;
        }
        MailConfiguration.SmtpTransport transport = transports.current();
        for (OutboxEntry entry : due) {
            if (transport.local()) {
                store.markSent(entry.id(), "local", clock.instant());
                done++;
                continue;
            }
            try {
                send(transport, entry);
                store.markSent(entry.id(), "sent", clock.instant());
                done++;
            } catch (MailException | MessagingException e) {
                int attempt = entry.attempts() + 1;
                boolean giveUp = attempt >= MAX_ATTEMPTS;
                Instant next = clock.instant().plus(BACKOFF.get(Math.min(attempt - 1, BACKOFF.size() - 1)));
                store.markRetry(entry.id(), next, e.getMessage(), giveUp);
                log.warn("Mail {} to {} not sent (attempt {}): {}", entry.id(), entry.recipient(), attempt, e.getMessage());
            }
        }
        return done;
    }

    private void send(MailConfiguration.SmtpTransport transport, OutboxEntry entry) throws MessagingException {
        JavaMailSenderImpl sender = transport.sender().orElseThrow();
        MimeMessage mime = sender.createMimeMessage();
        var attachments = store.attachments(entry.id());
        MimeMessageHelper helper = new MimeMessageHelper(mime, !attachments.isEmpty(), "UTF-8");
        helper.setFrom(transport.from());
        helper.setTo(entry.recipient());
        helper.setSubject(entry.subject());
        helper.setText(entry.bodyText(), false);
        for (MailMessage.Attachment a : attachments) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        sender.send(mime);
    }
}
