package org.carillon.portal.reminder;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.mail.MailMessage;
import org.carillon.platform.mail.MailOutbox;
import org.carillon.platform.password.AccountLinks;
import org.carillon.licensekey.activation.ActivationKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Emails a license's owners and billing users 60, 30, 14, 7 and 1 days before it ends (issue 8). Runs hourly and
 * catches up after downtime within a day; each reminder is recorded in {@code license_reminder} in the same
 * transaction as its mails, so it goes out once.
 */
@Component
public class RenewalReminders {
    /** Days before the end date on which a reminder goes out. */
    public static final List<Integer> DAYS = List.of(60, 30, 14, 7, 1);
    private static final Logger log = LoggerFactory.getLogger(RenewalReminders.class);
    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AccountLinks links;

    public RenewalReminders(JdbcClient jdbc, MailOutbox outbox, AuditLog audit, TransactionTemplate tx, Clock clock,
                            AccountLinks links) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.links = links;
    }

    private record Due(long licenseId, String key, String edition, LocalDate endsOn, long customerId) {
    }

    @Scheduled(fixedDelayString = "${carillon.portal.reminder-poll-ms:3600000}", initialDelay = 60_000)
    public void poll() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Renewal reminders failed: {}", e.toString());
        }
    }

    /** Sends every reminder due today; returns how many licenses were reminded. */
    public int sendDue() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int sent = 0;
        for (int days : DAYS) {
            List<Due> due = jdbc.sql("""
                    SELECT l.id, l.activation_key, e.name, l.ends_on, l.customer_id FROM license l
                    JOIN catalog_edition e ON e.code = l.edition_code
                    WHERE l.status = 'active' AND l.ends_on = ? AND NOT EXISTS
                        (SELECT 1 FROM license_reminder r WHERE r.license_id = l.id AND r.days_before = ?)""")
                    .params(today.plusDays(days), days)
                    .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getLong(5)))
                    .list();
            for (Due d : due) {
                if (Boolean.TRUE.equals(tx.execute(s -> remind(d, days)))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean remind(Due d, int days) {
        try {
            jdbc.sql("INSERT INTO license_reminder (license_id, days_before, sent_at) VALUES (?, ?, ?)")
                    .params(d.licenseId(), days, AccountStore.utc(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            return false; // another node sent it
        }
        String masked = ActivationKey.parse(d.key()).masked();
        List<String> recipients = jdbc.sql("""
                SELECT a.email FROM customer_member m JOIN user_account a ON a.id = m.account_id
                WHERE m.customer_id = ? AND a.enabled = TRUE AND a.role IN ('owner', 'billing')
                ORDER BY a.email""").param(d.customerId()).query(String.class).list();
        for (String to : recipients) {
            outbox.enqueue(new MailMessage(to, "Your Carillon license ends in " + days + (days == 1 ? " day" : " days"),
                    "Your " + d.edition() + " license " + masked + " ends on " + d.endsOn() + ".\n\n"
                            + "Renew it in the Carillon Customer Portal under Purchases → Renewal: "
                            + links.link("/purchases") + "\n"));
        }
        audit.record("system", "renewal_reminder", "license", Long.toString(d.licenseId()),
                days + " days, " + recipients.size() + " recipient(s)", "system");
        return true;
    }
}
