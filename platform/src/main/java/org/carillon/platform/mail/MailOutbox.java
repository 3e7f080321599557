package org.carillon.platform.mail;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Where every email goes first. {@link #enqueue} writes the message in the caller's transaction, so it is durable
 * exactly when the business change that caused it is; {@link MailDispatcher} sends it later, with retries.
 */
@Service
public class MailOutbox {
    private final MailOutboxStore store;
    private final Clock clock;

    public MailOutbox(MailOutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @return the outbox id of the message */
    @Transactional
    public long enqueue(MailMessage message) {
        return store.insert(message, clock.instant());
    }
}
