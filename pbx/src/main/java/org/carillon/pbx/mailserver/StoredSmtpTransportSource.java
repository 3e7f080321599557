package org.carillon.pbx.mailserver;

import org.carillon.platform.mail.MailConfiguration;
import org.carillon.platform.mail.SmtpTransportSource;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The outbox's transport: the mail server saved on Settings ▸ Mail server, read (and its password decrypted) at each
 * dispatch that has mail to send, so a change serves the next message; while nothing is saved, the start-up settings
 * ({@code CARILLON_SMTP_*}, or the local outbox).
 */
@Component
@Primary
class StoredSmtpTransportSource implements SmtpTransportSource {
    private final MailServerStore store;
    private final MailPasswordVault vault;
    private final MailConfiguration.SmtpTransport startup;

    StoredSmtpTransportSource(MailServerStore store, MailPasswordVault vault, MailConfiguration.SmtpTransport startup) {
        this.store = store;
        this.vault = vault;
        this.startup = startup;
    }

    @Override
    public MailConfiguration.SmtpTransport current() {
        return store.find().map(s -> MailConfiguration.smtp(s.host(), s.port(), s.security(), s.username(),
                s.sealedPassword().map(vault::open).orElse(null), s.from())).orElse(startup);
    }
}
