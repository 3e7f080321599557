package org.carillon.portal.license;

import org.carillon.licensekey.activation.ActivationKey;
import org.carillon.platform.account.AccountStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SQL for {@code license} and {@code license_event}; every read is scoped by the customer id. Every write of a
 * license's status or end date goes through {@link #insert}, {@link #updateTerms} or {@link #changeStatus}, which
 * keep the dashboard's summary ({@code customer_license_count}, {@code license_end_day}, V54) in the same transaction.
 */
@Repository
public class LicenseStore {
    private static final Logger LOG = LoggerFactory.getLogger(LicenseStore.class);
    private static final String ACTIVE = "active";
    private static final String SELECT = """
            SELECT l.*, e.name AS edition_name FROM license l JOIN catalog_edition e ON e.code = l.edition_code""";
    private final JdbcClient jdbc;

    public LicenseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new license in status {@code active}; keeps the dashboard's summary (V54) in the same transaction. */
    @Transactional
    public long insert(long customerId, ActivationKey key, String editionCode, int extensions, LocalDate startsOn,
                       LocalDate endsOn, Instant now) {
        lockSummary(customerId, 1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO license (customer_id, activation_key, key_hash, edition_code, extensions, starts_on, ends_on,
                                     status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?)""")
                .params(customerId, key.text(), key.lookupHash(), editionCode, extensions, startsOn, endsOn,
                        AccountStore.utc(now))
                .update(keys, "id");
        endDay(customerId, endsOn, 1);
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Changes edition, extensions and end date; an active license moves to its new end day in the summary. */
    @Transactional
    public void updateTerms(long customerId, long id, String editionCode, int extensions, LocalDate endsOn) {
        lockSummary(customerId, 0);
        Optional<Summarised> before = summarised(customerId, id);
        jdbc.sql("UPDATE license SET edition_code = ?, extensions = ?, ends_on = ? WHERE id = ? AND customer_id = ?")
                .params(editionCode, extensions, endsOn, id, customerId).update();
        before.filter(b -> b.active() && !b.endsOn().equals(endsOn)).ifPresent(b -> {
            endDay(customerId, endsOn, 1);
            endDay(customerId, b.endsOn(), -1);   // last: when it recounts, it counts the rows as they now are
        });
    }

    /**
     * Sets the stored status ({@code active}, {@code suspended}, {@code inactive}); only {@code active} licenses are
     * in the summary's end days.
     */
    @Transactional
    public void changeStatus(long customerId, long id, String status) {
        lockSummary(customerId, 0);
        Optional<Summarised> before = summarised(customerId, id);
        jdbc.sql("UPDATE license SET status = ? WHERE id = ? AND customer_id = ?").params(status, id, customerId)
                .update();
        boolean active = ACTIVE.equals(status);
        before.filter(b -> b.active() != active).ifPresent(b -> endDay(customerId, b.endsOn(), active ? 1 : -1));
    }

    public void event(long licenseId, String kind, String detail, Instant now) {
        jdbc.sql("INSERT INTO license_event (license_id, occurred_at, kind, detail) VALUES (?, ?, ?, ?)")
                .params(licenseId, AccountStore.utc(now), kind, detail).update();
    }

    public Optional<License> find(long customerId, long id) {
        return jdbc.sql(SELECT + " WHERE l.customer_id = ? AND l.id = ?").params(customerId, id)
                .query(LicenseStore::map).optional();
    }

    /**
     * The license an activation key belongs to, whichever customer owns it: the seam for the activation endpoint
     * (issue 9), which authenticates by the key itself.
     */
    public Optional<License> findByKey(ActivationKey key) {
        return jdbc.sql(SELECT + " WHERE l.key_hash = ?").param(key.lookupHash()).query(LicenseStore::map).optional();
    }

    public List<License> all(long customerId) {
        return jdbc.sql(SELECT + " WHERE l.customer_id = ? ORDER BY l.id").param(customerId)
                .query(LicenseStore::map).list();
    }

    /**
     * Matches the key's last group, the edition name or the installation. With nothing searched, the page is read
     * along the index {@code license_customer_end_ix} (V55) instead of filtering, sorting and counting every license
     * of the customer on each view (bench/portal: ~15 ms of PostgreSQL per view at 10,000 licenses).
     */
    public List<License> page(long customerId, String search, int offset, int limit) {
        if (unsearched(search)) {
            return jdbc.sql(SELECT + " WHERE l.customer_id = ? ORDER BY l.ends_on DESC, l.id DESC LIMIT ? OFFSET ?")
                    .params(customerId, limit, offset).query(LicenseStore::map).list();
        }
        String like = like(search);
        return jdbc.sql(SELECT + """
                 WHERE l.customer_id = ? AND (LOWER(l.activation_key) LIKE ? OR LOWER(e.name) LIKE ?
                       OR LOWER(l.installation) LIKE ?)
                ORDER BY l.ends_on DESC, l.id DESC LIMIT ? OFFSET ?""")
                .params(customerId, like, like, like, limit, offset).query(LicenseStore::map).list();
    }

    /** With nothing searched: the customer's number of licenses as kept for the dashboard (V54). */
    public long count(long customerId, String search) {
        if (unsearched(search)) {
            return jdbc.sql("SELECT COALESCE((SELECT licenses FROM customer_license_count WHERE customer_id = ?), 0)")
                    .param(customerId).query(Long.class).single();
        }
        String like = like(search);
        return jdbc.sql("""
                SELECT COUNT(*) FROM license l JOIN catalog_edition e ON e.code = l.edition_code
                WHERE l.customer_id = ? AND (LOWER(l.activation_key) LIKE ? OR LOWER(e.name) LIKE ?
                      OR LOWER(l.installation) LIKE ?)""")
                .params(customerId, like, like, like).query(Long.class).single();
    }

    /** The events of the given licenses (all of one customer), oldest first, by license id. */
    public Map<Long, List<LicenseEvent>> events(long customerId, List<Long> licenseIds) {
        if (licenseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT ev.* FROM license_event ev JOIN license l ON l.id = ev.license_id
                WHERE l.customer_id = :customer AND ev.license_id IN (:ids) ORDER BY ev.occurred_at, ev.id""")
                .param("customer", customerId).param("ids", licenseIds)
                .query((rs, n) -> new LicenseEvent(rs.getLong("id"), rs.getLong("license_id"),
                        AccountStore.instant(rs, "occurred_at"), rs.getString("kind"), rs.getString("detail")))
                .list().stream().collect(Collectors.groupingBy(LicenseEvent::licenseId));
    }

    /**
     * The dashboard's figures from the summary (V54): the customer's count of licenses and its active licenses by
     * end day, of which only today's and later days are read, so the cost follows the number of distinct future end
     * days, not the number of licenses (issue 8).
     */
    public LicenseCounts counts(long customerId, LocalDate today) {
        return jdbc.sql("""
                SELECT COALESCE((SELECT licenses FROM customer_license_count WHERE customer_id = :customer), 0) AS total,
                       COALESCE(SUM(licenses), 0) AS active,
                       COALESCE(SUM(licenses) FILTER (WHERE ends_on <= :soon), 0) AS expiring
                FROM license_end_day WHERE customer_id = :customer AND ends_on >= :today""")
                .param("today", today).param("soon", today.plusDays(License.EXPIRING_DAYS))
                .param("customer", customerId)
                .query((rs, n) -> new LicenseCounts(rs.getLong("total"), rs.getLong("active"), rs.getLong("expiring"),
                        rs.getLong("total") - rs.getLong("active")))
                .single();
    }

    /**
     * Adds {@code licenses} to the customer's count and, by that update, holds the count's row lock until the
     * transaction ends: every license write of a customer goes through here first, so the summary's read-modify-write
     * steps below never interleave (READ COMMITTED: what is read after the lock is what the last writer committed).
     * The row is created on the customer's first license; {@code ON CONFLICT DO NOTHING} (PostgreSQL, and H2 in its
     * PostgreSQL mode) makes two first writes at once wait for each other instead of one failing.
     */
    private void lockSummary(long customerId, int licenses) {
        String add = "UPDATE customer_license_count SET licenses = licenses + ? WHERE customer_id = ?";
        if (jdbc.sql(add).params(licenses, customerId).update() == 0) {
            jdbc.sql("INSERT INTO customer_license_count (customer_id, licenses) VALUES (?, 0) ON CONFLICT DO NOTHING")
                    .param(customerId).update();
            jdbc.sql(add).params(licenses, customerId).update();
        }
    }

    /** One more ({@code +1}) or one less ({@code -1}) active license ending on {@code day}; empty days are removed. */
    private void endDay(long customerId, LocalDate day, int delta) {
        if (jdbc.sql("UPDATE license_end_day SET licenses = licenses + ? WHERE customer_id = ? AND ends_on = ?")
                .params(delta, customerId, day).update() == 0) {
            if (delta < 0) {    // the summary lost step with the licenses (a row changed by hand): count again
                rebuild(customerId);
                return;
            }
            jdbc.sql("INSERT INTO license_end_day (customer_id, ends_on, licenses) VALUES (?, ?, ?)")
                    .params(customerId, day, delta).update();
        } else if (delta < 0) {
            jdbc.sql("DELETE FROM license_end_day WHERE customer_id = ? AND ends_on = ? AND licenses <= 0")
                    .params(customerId, day).update();
        }
    }

    /** Recounts the customer's summary from its licenses (under the lock of {@link #lockSummary}). */
    private void rebuild(long customerId) {
        LOG.warn("license summary of customer {} did not match its licenses; counted again", customerId);
        jdbc.sql("UPDATE customer_license_count SET licenses = (SELECT COUNT(*) FROM license WHERE customer_id = ?) "
                + "WHERE customer_id = ?").params(customerId, customerId).update();
        jdbc.sql("DELETE FROM license_end_day WHERE customer_id = ?").param(customerId).update();
        jdbc.sql("""
                INSERT INTO license_end_day (customer_id, ends_on, licenses)
                SELECT customer_id, ends_on, COUNT(*) FROM license WHERE customer_id = ? AND status = 'active'
                GROUP BY customer_id, ends_on""").param(customerId).update();
    }

    private record Summarised(boolean active, LocalDate endsOn) {
    }

    private Optional<Summarised> summarised(long customerId, long id) {
        return jdbc.sql("SELECT status, ends_on FROM license WHERE id = ? AND customer_id = ?").params(id, customerId)
                .query((rs, n) -> new Summarised(ACTIVE.equals(rs.getString("status")),
                        rs.getObject("ends_on", LocalDate.class)))
                .optional();
    }

    private static boolean unsearched(String search) {
        return search == null || search.isBlank();
    }

    private static String like(String search) {
        String s = search.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + s + "%";
    }

    static License map(ResultSet rs, int n) throws SQLException {
        return new License(rs.getLong("id"), rs.getLong("customer_id"),
                org.carillon.licensekey.activation.ActivationKey.parse(rs.getString("activation_key")),
                rs.getString("edition_code"), rs.getString("edition_name"), rs.getInt("extensions"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("status"), rs.getString("installation"));
    }
}
