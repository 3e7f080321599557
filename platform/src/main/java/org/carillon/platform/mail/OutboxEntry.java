package org.carillon.platform.mail;

import java.time.Instant;

/**
 * A message as the outbox holds it.
 *
 * @param status {@code pending} (waiting to be sent or retried), {@code sent} (accepted by the SMTP server),
 *               {@code local} (kept in the local outbox because no SMTP server is configured), {@code failed}
 *               (gave up after the last retry)
 */
public record OutboxEntry(long id, String recipient, String subject, String bodyText, String status, int attempts,
                          Instant nextAttemptAt, Instant createdAt, Instant sentAt, String lastError) {
}
