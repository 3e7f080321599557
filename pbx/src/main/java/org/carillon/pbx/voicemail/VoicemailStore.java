package org.carillon.pbx.voicemail;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** SQL for {@code voicemail_box} and {@code voicemail_message}. Same SQL on H2 and PostgreSQL. */
@Repository
public class VoicemailStore {
    private final JdbcClient jdbc;

    public VoicemailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mailbox row of an extension, if its settings were ever saved. */
    public Optional<Mailbox> findBox(long extensionId, String number) {
        return jdbc.sql("SELECT * FROM voicemail_box WHERE extension_id = ?").param(extensionId)
                .query((rs, n) -> box(rs, number)).optional();
    }

    /** Inserts or replaces the settings of {@code box}. */
    public void saveBox(Mailbox b, Instant now) {
        int updated = jdbc.sql("""
                UPDATE voicemail_box SET enabled = ?, pin_hash = ?, email_option = ?, instructions = ?,
                    skip_pin_own_device = ?, max_message_seconds = ?, max_messages = ?, updated_at = ?
                WHERE extension_id = ?""")
                .params(b.enabled(), b.pinHash().orElse(null), b.emailOption().wire(), b.instructions(),
                        b.skipPinOnOwnDevice(), b.maxMessageSeconds(), b.maxMessages(), AccountStore.utc(now),
                        b.extensionId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO voicemail_box (extension_id, tenant_id, enabled, pin_hash, email_option, instructions,
                        skip_pin_own_device, max_message_seconds, max_messages, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(b.extensionId(), b.tenantId(), b.enabled(), b.pinHash().orElse(null),
                            b.emailOption().wire(), b.instructions(), b.skipPinOnOwnDevice(), b.maxMessageSeconds(),
                            b.maxMessages(), AccountStore.utc(now))
                    .update();
        }
    }

    public void insertMessage(VoicemailMessage m) {
        jdbc.sql("""
                INSERT INTO voicemail_message (id, tenant_id, extension_id, caller, received_at, duration_ms, heard)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id(), m.tenantId(), m.extensionId(), m.caller(), AccountStore.utc(m.receivedAt()),
                        m.length().toMillis(), m.heard())
                .update();
    }

    /** A mailbox's messages: new ones first, then saved, each oldest first (the order the phone menu plays). */
    public List<VoicemailMessage> messages(long extensionId) {
        return jdbc.sql("SELECT * FROM voicemail_message WHERE extension_id = ? ORDER BY heard, received_at, id")
                .param(extensionId).query(VoicemailStore::message).list();
    }

    public Optional<VoicemailMessage> findMessage(long extensionId, String id) {
        return jdbc.sql("SELECT * FROM voicemail_message WHERE extension_id = ? AND id = ?").params(extensionId, id)
                .query(VoicemailStore::message).optional();
    }

    public int count(long extensionId) {
        return jdbc.sql("SELECT COUNT(*) FROM voicemail_message WHERE extension_id = ?").param(extensionId)
                .query(Integer.class).single();
    }

    public int countNew(long extensionId) {
        return jdbc.sql("SELECT COUNT(*) FROM voicemail_message WHERE extension_id = ? AND heard = FALSE")
                .param(extensionId).query(Integer.class).single();
    }

    /** Unheard messages in all of a tenant's mailboxes (the dashboard's "voicemail waiting"). */
    public int countNewInTenant(long tenantId) {
        return jdbc.sql("SELECT COUNT(*) FROM voicemail_message WHERE tenant_id = ? AND heard = FALSE")
                .param(tenantId).query(Integer.class).single();
    }

    public boolean markHeard(long extensionId, String id, boolean heard) {
        return jdbc.sql("UPDATE voicemail_message SET heard = ? WHERE extension_id = ? AND id = ?")
                .params(heard, extensionId, id).update() == 1;
    }

    public boolean deleteMessage(long extensionId, String id) {
        return jdbc.sql("DELETE FROM voicemail_message WHERE extension_id = ? AND id = ?").params(extensionId, id)
                .update() == 1;
    }

    public void deleteById(String id) {
        jdbc.sql("DELETE FROM voicemail_message WHERE id = ?").param(id).update();
    }

    /** Every message id with its mailbox (the start-up sweep compares them with the files). */
    public List<String> allIds() {
        return jdbc.sql("SELECT id FROM voicemail_message").query(String.class).list();
    }

    /** Extension ids that still exist (folders of deleted extensions are swept). */
    public List<Long> extensionIds() {
        return jdbc.sql("SELECT id FROM extension").query(Long.class).list();
    }

    private static Mailbox box(ResultSet rs, String number) throws SQLException {
        return new Mailbox(rs.getLong("extension_id"), rs.getLong("tenant_id"), number, rs.getBoolean("enabled"),
                Optional.ofNullable(rs.getString("pin_hash")),
                EmailOption.find(rs.getString("email_option")).orElse(EmailOption.NONE), rs.getBoolean("instructions"),
                rs.getBoolean("skip_pin_own_device"), rs.getInt("max_message_seconds"), rs.getInt("max_messages"));
    }

    private static VoicemailMessage message(ResultSet rs, int row) throws SQLException {
        return new VoicemailMessage(rs.getString("id"), rs.getLong("tenant_id"), rs.getLong("extension_id"),
                rs.getString("caller"), AccountStore.instant(rs, "received_at"),
                Duration.ofMillis(rs.getLong("duration_ms")), rs.getBoolean("heard"));
    }
}
