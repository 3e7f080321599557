package org.carillon.pbx.registrar;

import org.carillon.platform.account.AccountStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL for {@code sip_binding}: batched deletes, in-place updates and inserts, and reading back at start. */
@Repository
class BindingStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BindingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Makes the stored bindings of each given extension equal to its list (an empty list deletes them). Called in
     * one transaction by the writer. Extensions deleted meanwhile are skipped (their rows cascaded away). Every row
     * is deleted and inserted again: the writer's fallback when it cannot trust what it believes is stored.
     */
    void replace(Map<Long, List<Binding>> byExtension) {
        List<Object[]> deletes = byExtension.keySet().stream().map(id -> new Object[]{id}).toList();
        template.batchUpdate("DELETE FROM sip_binding WHERE extension_id = ?", deletes);
        List<Binding> rows = new ArrayList<>();
        byExtension.values().forEach(rows::addAll);
        insert(rows);
    }

    /**
     * Applies the difference between what is stored and what should be, in three batches: deleted contacts, rows
     * changed in place (a refresh: new expiry, Call-ID, CSeq — the unique index on the contact is not touched),
     * new contacts. Called in one transaction by the writer.
     *
     * @param gone    bindings (extension, contact) no longer held
     * @param changed bindings whose contact is stored but whose other columns moved
     * @param added   bindings whose contact is not stored yet
     */
    void apply(List<Binding> gone, List<Binding> changed, List<Binding> added) {
        if (!gone.isEmpty()) {
            template.batchUpdate("DELETE FROM sip_binding WHERE extension_id = ? AND contact = ?",
                    gone.stream().map(b -> new Object[]{b.extensionId(), b.contact()}).toList());
        }
        if (!changed.isEmpty()) {
            template.batchUpdate("""
                    UPDATE sip_binding SET call_id = ?, cseq = ?, expires_at = ?, registered_at = ?, user_agent = ?,
                                           source = ?, target = ?, path = ?
                    WHERE extension_id = ? AND contact = ?""",
                    changed.stream().map(b -> new Object[]{b.callId(), b.cseq(), AccountStore.utc(b.expiresAt()),
                            AccountStore.utc(b.registeredAt()), cut(b.userAgent(), 255), b.sourceText(), b.target(),
                            String.join("\n", b.path()), b.extensionId(), b.contact()}).toList());
        }
        insert(added);
    }

    /** True when the columns stored for {@code a} and {@code b} are the same (keep-alive marks are not stored). */
    static boolean sameRow(Binding a, Binding b) {
        return a.contact().equals(b.contact()) && a.callId().equals(b.callId()) && a.cseq() == b.cseq()
                && a.expiresAt().equals(b.expiresAt()) && a.registeredAt().equals(b.registeredAt())
                && a.userAgent().equals(b.userAgent()) && a.source().equals(b.source())
                && a.target().equals(b.target()) && a.path().equals(b.path());
    }

    private void insert(List<Binding> bindings) {
        if (bindings.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            rows.add(new Object[]{b.tenantId(), b.extensionId(), b.contact(), b.callId(), b.cseq(),
                    AccountStore.utc(b.expiresAt()), AccountStore.utc(b.registeredAt()), cut(b.userAgent(), 255),
                    b.sourceText(), b.target(), String.join("\n", b.path())});
        }
        // INSERT … SELECT: a binding of an extension deleted since it was queued inserts nothing
        template.batchUpdate("""
                INSERT INTO sip_binding (tenant_id, extension_id, contact, call_id, cseq, expires_at, registered_at,
                                         user_agent, source, target, path)
                SELECT ?, e.id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM extension e WHERE e.id = ?""",
                rows.stream().map(BindingStore::reorder).toList());
    }

    private static Object[] reorder(Object[] r) {
        // (tenant, ext, contact, …, path) → (tenant, contact, …, path, ext) to fit the INSERT … SELECT
        Object[] o = new Object[r.length];
        o[0] = r[0];
        System.arraycopy(r, 2, o, 1, r.length - 2);
        o[r.length - 1] = r[1];
        return o;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Every stored binding still valid at {@code now}. */
    List<Binding> loadValid(Instant now) {
        return jdbc.sql("""
                        SELECT tenant_id, extension_id, contact, call_id, cseq, expires_at, registered_at, user_agent,
                               source, target, path FROM sip_binding WHERE expires_at > ? ORDER BY registered_at""")
                .param(AccountStore.utc(now))
                .query((rs, n) -> {
                    Optional<org.carillon.sip.transport.Flow> source = Flows.parse(rs.getString("source"));
                    if (source.isEmpty()) {
                        return null;
                    }
                    String path = rs.getString("path");
                    return new Binding(rs.getLong("extension_id"), rs.getLong("tenant_id"), rs.getString("contact"),
                            rs.getString("call_id"), rs.getLong("cseq"), AccountStore.instant(rs, "registered_at"),
                            AccountStore.instant(rs, "expires_at"), rs.getString("user_agent"), source.get(),
                            rs.getString("target"), path.isEmpty() ? List.of() : Arrays.asList(path.split("\n")),
                            Instant.EPOCH, true);
                })
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Deletes what lapsed before {@code now} (rows of extensions nobody refreshed before a restart). */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM sip_binding WHERE expires_at <= ?").param(AccountStore.utc(now)).update();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM sip_binding").query(Long.class).single();
    }
}
