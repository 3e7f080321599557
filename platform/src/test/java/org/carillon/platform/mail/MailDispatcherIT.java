package org.carillon.platform.mail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMultipart;
import org.carillon.platform.testing.MutableClock;
import org.carillon.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox against a real SMTP server (GreenMail) on loopback. */
class MailDispatcherIT {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final MailOutboxStore store = new MailOutboxStore(JdbcClient.create(TestDatabase.h2WithPlatformSchema()));

    private MailConfiguration.SmtpTransport transport(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        return new MailConfiguration.SmtpTransport(Optional.of(sender), "Carillon <no-reply@carillon.local>");
    }

    @Test
    void queuedMailWithAttachmentReachesTheSmtpServer() throws Exception {
        var outbox = new MailOutbox(store, clock);
        long id = outbox.enqueue(new MailMessage("ann@example.com", "Voicemail from 1001", "You have a message.",
                List.of(new MailMessage.Attachment("message.wav", "audio/wav", new byte[]{1, 2, 3}))));
        var dispatcher = new MailDispatcher(store, () -> transport(smtp.getSmtp().getPort()), clock);

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        var received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Voicemail from 1001");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
        var multipart = (MimeMultipart) received[0].getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        assertThat(multipart.getBodyPart(1).getFileName()).isEqualTo("message.wav");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("sent");
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void unreachableServerIsRetriedLaterAndTheMessageIsKept() {
        var outbox = new MailOutbox(store, clock);
        long id = outbox.enqueue(new MailMessage("bob@example.com", "Welcome", "Hello"));
        int closedPort = smtp.getSmtp().getPort();
        smtp.stop();
        var dispatcher = new MailDispatcher(store, () -> transport(closedPort), clock);

        dispatcher.dispatchDue();

        var entry = store.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo("pending");
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(entry.lastError()).isNotBlank();
        smtp.start();
    }

    @Test
    void withoutSmtpMessagesStayInTheLocalOutbox() {
        var outbox = new MailOutbox(store, clock);
        long id = outbox.enqueue(new MailMessage("cy@example.com", "Reset", "link"));
        var dispatcher = new MailDispatcher(store,
                () -> new MailConfiguration.SmtpTransport(Optional.empty(), "x@y"), clock);

        dispatcher.dispatchDue();

        assertThat(store.find(id).orElseThrow().status()).isEqualTo("local");
    }

    @Test
    void theTransportIsAskedAgainForEachDispatchSoAChangedServerServesTheNextMessage() throws Exception {
        var outbox = new MailOutbox(store, clock);
        var current = new java.util.concurrent.atomic.AtomicReference<>(
                new MailConfiguration.SmtpTransport(Optional.empty(), "x@y"));
        var dispatcher = new MailDispatcher(store, current::get, clock);
        long first = outbox.enqueue(new MailMessage("dee@example.com", "Before", "kept locally"));
        dispatcher.dispatchDue();
        current.set(transport(smtp.getSmtp().getPort()));
        long second = outbox.enqueue(new MailMessage("dee@example.com", "After", "sent"));

        dispatcher.dispatchDue();

        assertThat(store.find(first).orElseThrow().status()).isEqualTo("local");
        assertThat(store.find(second).orElseThrow().status()).isEqualTo("sent");
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("After");
        assertThat(store.countByStatus()).containsEntry("local", 1L).containsEntry("sent", 1L);
    }
}
