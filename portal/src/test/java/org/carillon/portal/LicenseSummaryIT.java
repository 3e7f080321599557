package org.carillon.portal;

import org.carillon.licensekey.activation.ActivationKey;
import org.carillon.portal.license.LicenseCounts;
import org.carillon.portal.license.LicenseStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's license summary (V54, issue 8) against a recount of the licenses themselves, after each write path
 * of {@link LicenseStore}, for each "today" around every end date (expiring and expired depend on the day the
 * dashboard is viewed).
 */
class LicenseSummaryIT extends PortalContext {
    private static final SecureRandom RANDOM = new SecureRandom();
    @Autowired
    LicenseStore licenses;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;

    @Test
    void insertedLicensesAreCountedOnEveryDay() {
        long customer = fixtures.customer().id();
        assertMatchesRecount(customer);    // no license yet: zeros
        for (int days : new int[] {-40, -1, 0, 0, 1, 29, 30, 31, 200, 200}) {
            insert(customer, days);
        }
        assertMatchesRecount(customer);
        assertThat(licenses.counts(customer, today())).isEqualTo(new LicenseCounts(10, 8, 5, 2));
    }

    @Test
    void newTermsMoveAnActiveLicenseToItsNewEndDay() {
        long customer = fixtures.customer().id();
        long renewed = insert(customer, 10);
        long sameDay = insert(customer, 10);
        long expired = insert(customer, -5);
        licenses.updateTerms(customer, renewed, "standard", 10, today().plusDays(375));   // renewal
        licenses.updateTerms(customer, sameDay, "professional", 25, today().plusDays(10)); // upgrade, same end
        licenses.updateTerms(customer, expired, "standard", 10, today().plusDays(360));  // renewal after the end
        assertMatchesRecount(customer);
        assertThat(licenses.counts(customer, today())).isEqualTo(new LicenseCounts(3, 3, 1, 0));
    }

    @Test
    void statusChangesTakeALicenseOutOfActiveAndBack() {
        long customer = fixtures.customer().id();
        long suspended = insert(customer, 20);
        insert(customer, 20);
        licenses.changeStatus(customer, suspended, "suspended");
        assertMatchesRecount(customer);
        assertThat(licenses.counts(customer, today())).isEqualTo(new LicenseCounts(2, 1, 1, 1));

        licenses.updateTerms(customer, suspended, "standard", 10, today().plusDays(100));   // not active: no day
        licenses.changeStatus(customer, suspended, "inactive");
        assertMatchesRecount(customer);
        licenses.changeStatus(customer, suspended, "active");
        assertMatchesRecount(customer);
        assertThat(licenses.counts(customer, today())).isEqualTo(new LicenseCounts(2, 2, 1, 0));
    }

    @Test
    void anotherCustomersWritesDoNotTouchTheSummary() {
        long mine = fixtures.customer().id();
        long theirs = fixtures.customer().id();
        insert(mine, 5);
        long other = insert(theirs, 5);
        licenses.updateTerms(mine, other, "standard", 10, today().plusDays(300));   // not mine: changes nothing
        licenses.changeStatus(mine, other, "suspended");
        assertMatchesRecount(mine);
        assertMatchesRecount(theirs);
        assertThat(licenses.counts(theirs, today())).isEqualTo(new LicenseCounts(1, 1, 1, 0));
    }

    @Test
    void aSummaryChangedBehindItsBackIsCountedAgainOnTheNextWrite() {
        long customer = fixtures.customer().id();
        long id = insert(customer, 50);
        jdbc.sql("UPDATE license SET ends_on = ? WHERE id = ?").params(today().plusDays(70), id).update();
        licenses.updateTerms(customer, id, "standard", 10, today().plusDays(400));
        assertMatchesRecount(customer);
    }

    @Test
    void concurrentFirstLicensesOfOneCustomerAreAllCounted() throws Exception {
        long customer = fixtures.customer().id();
        int writers = 8;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(writers)) {
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int days = i % 3;   // several writers on each end day: its row is created once, then added to
                done.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return tx.execute(s -> insert(customer, days));
                }));
            }
            start.countDown();
            for (Future<Long> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
        assertMatchesRecount(customer);
        assertThat(licenses.counts(customer, today()).total()).isEqualTo(writers);
    }

    /**
     * The license pages with nothing searched read along an index and take the count from the summary (V55); they
     * must list and count exactly what a search matching every key does (the filtered path), page by page.
     */
    @Test
    void theUnsearchedListPagesAndCountsLikeASearchMatchingEveryLicense() {
        long customer = fixtures.customer().id();
        long other = fixtures.customer().id();
        insert(other, 5); // another customer's license is neither listed nor counted
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            made.add(insert(customer, (i * 37) % 90 - 30)); // ends on repeated days: the id breaks ties
        }
        licenses.changeStatus(customer, made.get(3), "suspended"); // every status is listed
        licenses.updateTerms(customer, made.get(4), "standard", 10, today().plusDays(500));
        assertThat(licenses.count(customer, "")).isEqualTo(25).isEqualTo(licenses.count(customer, "car1"));
        assertThat(licenses.count(customer, "  ")).isEqualTo(25);
        for (int offset : new int[] {0, 20, 40}) {
            assertThat(ids(licenses.page(customer, "", offset, 20)))
                    .isEqualTo(ids(licenses.page(customer, "car1", offset, 20)));
        }
        List<Long> first = ids(licenses.page(customer, "", 0, 20));
        assertThat(first).hasSize(20).first().isEqualTo(made.get(4)); // the latest end first
        assertThat(ids(licenses.page(customer, "", 20, 20))).hasSize(5).doesNotContainAnyElementsOf(first);
    }

    private static List<Long> ids(List<org.carillon.portal.license.License> page) {
        return page.stream().map(org.carillon.portal.license.License::id).toList();
    }

    private long insert(long customer, int endsInDays) {
        return licenses.insert(customer, ActivationKey.generate(RANDOM), "standard", 10, today().minusYears(1),
                today().plusDays(endsInDays), clock.instant());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * The summary's figures equal a count over the license rows on each day where one of them changes (each end day,
     * the day after it, the first day it is "expiring soon" and the day before) and on days long before and after.
     */
    private void assertMatchesRecount(long customer) {
        var days = new java.util.TreeSet<LocalDate>(List.of(today(), today().minusYears(3), today().plusYears(3)));
        for (LocalDate end : jdbc.sql("SELECT DISTINCT ends_on FROM license WHERE customer_id = ?").param(customer)
                .query(LocalDate.class).list()) {
            for (int d : new int[] {-31, -30, -29, -1, 0, 1}) {
                days.add(end.plusDays(d));
            }
        }
        for (LocalDate day : days) {
            assertThat(licenses.counts(customer, day)).as("figures on %s", day).isEqualTo(recount(customer, day));
        }
    }

    private LicenseCounts recount(long customer, LocalDate day) {
        return jdbc.sql("""
                SELECT COUNT(*) AS total,
                       SUM(CASE WHEN status = 'active' AND ends_on >= :today THEN 1 ELSE 0 END) AS active,
                       SUM(CASE WHEN status = 'active' AND ends_on >= :today AND ends_on <= :soon THEN 1 ELSE 0 END)
                           AS expiring
                FROM license WHERE customer_id = :customer""")
                .param("today", day).param("soon", day.plusDays(30)).param("customer", customer)
                .query((rs, n) -> new LicenseCounts(rs.getLong("total"), rs.getLong("active"), rs.getLong("expiring"),
                        rs.getLong("total") - rs.getLong("active")))
                .single();
    }
}
