package org.carillon.pbx.license;

import org.carillon.platform.mail.MailMessage;
import org.carillon.platform.mail.MailOutbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * While the license is in its grace period, every Owner gets one email a day (SPEC §4) saying when the PBX will be
 * restricted and how to renew. The last day sent is stored, so a restart does not send it twice.
 */
@Component
public class LicenseNotices {
    private final LicenseService licenses;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    public LicenseNotices(LicenseService licenses, MailOutbox outbox, JdbcClient jdbc, Clock clock) {
        this.licenses = licenses;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${carillon.license.notice-ms:3600000}", initialDelayString = "${carillon.license.notice-initial-ms:120000}")
    public void poll() {
        sendDue();
    }

    /** @return how many emails were queued now */
    @Transactional
    public int sendDue() {
        LicenseView view = licenses.view();
        if (!view.state().equals("grace")) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var last = jdbc.sql("SELECT last_grace_day FROM license_notice WHERE id = 1").query(LocalDate.class).optional();
        if (last.isPresent() && !last.get().isBefore(today)) {
            return 0;
        }
        List<String> owners = jdbc.sql("SELECT email FROM user_account WHERE role = 'owner' AND enabled = TRUE")
                .query(String.class).list();
        String subject = "Carillon: the license " + view.licenseId().orElse("") + " has ended — renew it";
        String body = view.banner().orElse("The license has ended.") + "\n\n"
                + "The PBX keeps full function during the grace period. After it, no new extensions or paid features "
                + "can be used; calls keep working. Renew the license in the customer portal; the PBX picks up the "
                + "renewal on its next daily refresh, or install the new file under Settings ▸ License.\n";
        owners.forEach(email -> outbox.enqueue(new MailMessage(email, subject, body)));
        if (jdbc.sql("UPDATE license_notice SET last_grace_day = ? WHERE id = 1").param(today).update() == 0) {
            jdbc.sql("INSERT INTO license_notice (id, last_grace_day) VALUES (1, ?)").param(today).update();
        }
        return owners.size();
    }
}
