package org.carillon.pbx.voicemail;

import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Voicemail audio the PBX could not write (disk full, a folder it may not write to): besides the ERROR log line,
 * each failure is an audit line ({@value #ACTION}, durable and listed on the Audit log page) and the dashboard shows
 * the last week's count to Owners and Managers, so a full disk is noticed before users complain.
 *
 * <p>Threads: thread-safe; {@link #record} never throws (the caller is already handling a failure).
 */
@Component
public class StorageFailures {
    static final String ACTION = "voicemail.write_failed";
    private static final Logger log = LoggerFactory.getLogger(StorageFailures.class);
    private static final int DETAIL_MAX = 500;

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    public StorageFailures(AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Failures in a window: how many and when the last one was. */
    public record Summary(long count, Optional<Instant> last) {
    }

    /** Records that {@code what} (a message, a greeting) of {@code mailbox} could not be written. */
    void record(String mailbox, String what, Exception cause) {
        String detail = what + ": " + cause;
        try {
            audit.record("system", ACTION, "extension", mailbox,
                    detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX) : detail, "pbx");
        } catch (RuntimeException e) {
            log.error("voicemail: the storage failure of {} could not be recorded either: {}", mailbox, e.toString());
        }
    }

    /** The failures of the last {@code window}. */
    public Summary within(Duration window) {
        return jdbc.sql("SELECT COUNT(*) AS n, MAX(occurred_at) AS last FROM audit_event WHERE action = ? "
                        + "AND occurred_at >= ?")
                .params(ACTION, AccountStore.utc(clock.instant().minus(window)))
                .query((rs, row) -> new Summary(rs.getLong("n"), Optional.ofNullable(AccountStore.instant(rs, "last"))))
                .single();
    }
}
