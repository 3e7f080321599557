package org.carillon.pbx.mailserver;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.pbx.extension.Actor;
import org.carillon.platform.mail.MailConfiguration;
import org.carillon.platform.mail.MailMessage;
import org.carillon.platform.mail.MailOutbox;
import org.carillon.platform.mail.MailOutboxStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings ▸ Mail server: saves the SMTP server (password sealed by {@link MailPasswordVault}, audited without it),
 * goes back to the start-up settings, reports the outbox and queues a test email. {@link StoredSmtpTransportSource}
 * hands the saved server to the outbox's dispatcher.
 */
@Service
public class MailServerService {
    static final String TEST_SUBJECT = "Carillon test email";
    private final MailServerStore store;
    private final MailPasswordVault vault;
    private final MailOutbox outbox;
    private final MailOutboxStore outboxStore;
    private final MailConfiguration.SmtpTransport startup;
    private final AuditTrail audit;
    private final Clock clock;

    MailServerService(MailServerStore store, MailPasswordVault vault, MailOutbox outbox, MailOutboxStore outboxStore,
                      MailConfiguration.SmtpTransport startup, AuditTrail audit, Clock clock) {
        this.store = store;
        this.vault = vault;
        this.outbox = outbox;
        this.outboxStore = outboxStore;
        this.startup = startup;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outbox at a glance; the last error with any known password masked. */
    public record OutboxState(long queued, long sent, long failed, long local, Optional<String> lastError) {
    }

    public Optional<MailServer> saved() {
        return store.find();
    }

    /** The start-up settings' transport (used while nothing is saved). */
    public MailConfiguration.SmtpTransport startup() {
        return startup;
    }

    /** @throws InvalidMailServerException naming each bad field; nothing is saved then */
    @Transactional
    public MailServer save(MailServerInput in, Actor actor) {
        List<org.carillon.platform.web.ApiProblem.FieldError> errors = MailServerRules.check(in);
        if (!errors.isEmpty()) {
            throw new InvalidMailServerException(errors);
        }
        Optional<MailServer> before = store.find();
        Optional<String> sealed = before.flatMap(MailServer::sealedPassword);
        String detail = "";
        if (in.clearPassword()) {
            detail = sealed.isPresent() ? "password cleared" : "";
            sealed = Optional.empty();
        } else if (!in.password().isEmpty()) {
            sealed = Optional.of(vault.seal(in.password()));
            detail = "password changed";
        }
        MailServer server = new MailServer(in.host(), MailServerRules.port(in.port()), in.security(), in.username(),
                sealed, in.from());
        store.save(server, clock.instant(), actor.email());
        audit.recordChange(actor.email(), actor.source(), "mail_server.update", "mail_server", "global", detail,
                before.map(MailServerService::state).orElse(Map.of()), state(server));
        return server;
    }

    /** Forgets the saved server: the start-up settings apply again from the next message. */
    @Transactional
    public void reset(Actor actor) {
        Optional<MailServer> before = store.find();
        if (store.delete()) {
            audit.record(actor.email(), actor.source(), "mail_server.reset", "mail_server", "global",
                    "back to the start-up settings", state(before.orElseThrow()), Map.of());
        }
    }

    /** Queues a test email through the outbox. @throws InvalidMailServerException naming {@code to} */
    @Transactional
    public long sendTest(String to, Actor actor) {
        String address = to == null ? "" : to.strip();
        if (!MailServerRules.email(address)) {
            throw new InvalidMailServerException("to", "Enter the email address to send the test to.");
        }
        return outbox.enqueue(new MailMessage(address, TEST_SUBJECT, """
                This is a test email from your Carillon PBX, requested by %s on Settings > Mail server.
                If you can read it, the PBX's email (voicemail, invitations, password links) reaches you.
                """.formatted(actor.email())));
    }

    public OutboxState outboxState() {
        Map<String, Long> counts = outboxStore.countByStatus();
        Optional<String> error = outboxStore.lastError().map(this::maskSecrets);
        return new OutboxState(counts.getOrDefault("pending", 0L), counts.getOrDefault("sent", 0L),
                counts.getOrDefault("failed", 0L), counts.getOrDefault("local", 0L), error);
    }

    private String maskSecrets(String text) {
        String out = text;
        Optional<String> saved = store.find().flatMap(MailServer::sealedPassword).flatMap(this::openQuietly);
        Optional<String> start = startup.sender().map(s -> s.getPassword());
        for (String secret : List.of(saved.orElse(""), start.orElse(""))) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, AuditTrail.MASK);
            }
        }
        return out;
    }

    private Optional<String> openQuietly(String sealed) {
        try {
            return Optional.of(vault.open(sealed));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The saved server as the audit log shows it: no password, only whether one is stored. */
    static Map<String, Object> state(MailServer s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", s.host());
        m.put("port", s.port());
        m.put("security", s.security());
        m.put("username", s.username());
        m.put("from", s.from());
        m.put("passwordStored", s.sealedPassword().isPresent());
        return m;
    }
}
