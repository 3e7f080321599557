package org.carillon.portal;

import org.carillon.portal.access.PortalRole;
import org.carillon.portal.reminder.RenewalReminders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Renewal reminders 60/30/14/7/1 days before the end, to owners and billing users, once each. */
class RenewalReminderIT extends PortalContext {
    @Autowired
    RenewalReminders reminders;
    @Autowired
    JdbcClient jdbc;

    @Test
    void remindersGoOutOnTheirDaysToOwnersAndBillingOnlyOnce() throws Exception {
        var customer = fixtures.customer();
        String billing = fixtures.member(customer.id(), PortalRole.BILLING);
        String viewer = fixtures.member(customer.id(), PortalRole.VIEWER);
        long in30 = fixtures.license(customer.id(), "standard", 10, 30, "active");
        long in1 = fixtures.license(customer.id(), "standard", 10, 1, "active");
        long in45 = fixtures.license(customer.id(), "standard", 10, 45, "active");
        long suspended = fixtures.license(customer.id(), "standard", 10, 7, "suspended");

        reminders.sendDue();
        assertThat(sentFor(in30)).isEqualTo(1);
        assertThat(sentFor(in1)).isEqualTo(1);
        assertThat(sentFor(in45)).isZero();
        assertThat(sentFor(suspended)).isZero();
        assertThat(lastMailTo(billing).getSubject()).startsWith("Your Carillon license ends in");
        assertThat(lastMailTo(customer.ownerEmail()).getSubject()).startsWith("Your Carillon license ends in");
        assertThat(java.util.Arrays.stream(MAIL.getReceivedMessages()).flatMap(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(Object::toString)).doesNotContain(viewer);

        reminders.sendDue();
        assertThat(sentFor(in30)).as("sent once").isEqualTo(1);
    }

    private long sentFor(long license) {
        return jdbc.sql("SELECT COUNT(*) FROM license_reminder WHERE license_id = ?").param(license)
                .query(Long.class).single();
    }
}
