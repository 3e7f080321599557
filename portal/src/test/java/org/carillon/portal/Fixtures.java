package org.carillon.portal;

import org.carillon.licensekey.activation.ActivationKey;
import org.carillon.platform.account.AccountStore;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.customer.MemberStore;
import org.carillon.portal.customer.PartnerTier;
import org.carillon.portal.license.LicenseStore;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** Test data made directly in the database: customers with users of each role, licenses. Unique names per call. */
@TestComponent
public class Fixtures {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CustomerStore customers;
    private final MemberStore members;
    private final AccountStore accounts;
    private final LicenseStore licenses;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final Clock clock;
    private String passwordHash;

    public Fixtures(CustomerStore customers, MemberStore members, AccountStore accounts, LicenseStore licenses,
                    PasswordEncoder encoder, JdbcClient jdbc, Clock clock) {
        this.customers = customers;
        this.members = members;
        this.accounts = accounts;
        this.licenses = licenses;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A customer and its owner (who can sign in with {@link PortalContext#PASSWORD}). */
    public record TestCustomer(long id, String userId, String ownerEmail) {
    }

    public TestCustomer customer(PartnerTier tier, String discountPercent, String taxPercent) {
        int n = SEQ.incrementAndGet();
        String userId = "cust" + n + "x" + Integer.toHexString(RANDOM.nextInt());
        long id = customers.create("Company " + n, userId, tier, new BigDecimal(discountPercent),
                new BigDecimal(taxPercent), "DE", clock.instant());
        return new TestCustomer(id, userId, member(id, PortalRole.OWNER));
    }

    public TestCustomer customer() {
        return customer(PartnerTier.RESELLER, "10", "19");
    }

    /** A verified user of the customer with the given role; returns the email. */
    public String member(long customerId, PortalRole role) {
        String email = role.code() + SEQ.incrementAndGet() + "-" + Integer.toHexString(RANDOM.nextInt())
                + "@example.com";
        var account = accounts.create(email, hash(), role.code(), "Test", role.label());
        members.link(account.id(), customerId, clock.instant());
        return email;
    }

    public long accountId(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    /** A license of the customer that ends {@code endsInDays} days from today (negative: already ended). */
    public long license(long customerId, String edition, int extensions, int endsInDays, String status) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        long id = licenses.insert(customerId, ActivationKey.generate(RANDOM), edition, extensions,
                today.minusYears(1), today.plusDays(endsInDays), clock.instant());
        licenses.event(id, "purchased", "seeded by a test", clock.instant());
        if (!"active".equals(status)) {
            licenses.changeStatus(customerId, id, status);
        }
        return id;
    }

    private synchronized String hash() {
        if (passwordHash == null) {
            passwordHash = encoder.encode(PortalContext.PASSWORD);
        }
        return passwordHash;
    }
}
