package org.carillon.platform.mail;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** SQL for {@code mail_outbox} and {@code mail_attachment}. */
@Repository
public class MailOutboxStore {
    private final JdbcClient jdbc;

    public MailOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(MailMessage message, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mail_outbox (recipient, subject, body_text, status, attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, 'pending', 0, ?, ?)""")
                .params(message.recipient(), message.subject(), message.bodyText(),
                        AccountStore.utc(now), AccountStore.utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (MailMessage.Attachment a : message.attachments()) {
            jdbc.sql("INSERT INTO mail_attachment (message_id, file_name, content_type, content) VALUES (?, ?, ?, ?)")
                    .params(id, a.fileName(), a.contentType(), a.content()).update();
        }
        return id;
    }

    public List<OutboxEntry> due(Instant now, int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?")
                .params(AccountStore.utc(now), limit).query(MailOutboxStore::map).list();
    }

    public List<OutboxEntry> latest(int limit) {
        return jdbc.sql("SELECT * FROM mail_outbox ORDER BY id DESC LIMIT ?").param(limit)
                .query(MailOutboxStore::map).list();
    }

    public java.util.Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?").param(id).query(MailOutboxStore::map).optional();
    }

    /** How many messages are in each status ({@code pending}, {@code sent}, {@code local}, {@code failed}). */
    public java.util.Map<String, Long> countByStatus() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM mail_outbox GROUP BY status")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** The error of the latest message that has one (a message still retrying or given up). */
    public java.util.Optional<String> lastError() {
        return jdbc.sql("SELECT last_error FROM mail_outbox WHERE last_error IS NOT NULL ORDER BY id DESC LIMIT 1")
                .query(String.class).optional();
    }

    public List<MailMessage.Attachment> attachments(long messageId) {
        return jdbc.sql("SELECT file_name, content_type, content FROM mail_attachment WHERE message_id = ? ORDER BY id")
                .param(messageId)
                .query((rs, n) -> new MailMessage.Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    public void markSent(long id, String status, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .params(status, AccountStore.utc(now), id).update();
    }

    public void markRetry(long id, Instant next, String error, boolean giveUp) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(giveUp ? "failed" : "pending", AccountStore.utc(next), truncate(error), id).update();
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }

    static OutboxEntry map(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body_text"), rs.getString("status"), rs.getInt("attempts"),
                AccountStore.instant(rs, "next_attempt_at"), AccountStore.instant(rs, "created_at"),
                AccountStore.instant(rs, "sent_at"), rs.getString("last_error"));
    }
}
