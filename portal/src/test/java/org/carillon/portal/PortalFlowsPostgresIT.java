package org.carillon.portal;

import org.carillon.platform.testing.PostgresSchema;
import org.carillon.platform.testing.RequiresPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistence-heavy flows again on PostgreSQL, in a throw-away schema, sharing one Spring context: purchases
 * (states, idempotent Pay, licenses only on PAID), invoices (gap-free numbering under concurrent payments, search,
 * PDF), dashboard counts, customer invitation and sub-accounts.
 */
@RequiresPostgres
class PortalFlowsPostgresIT {
    static PostgresSchema schema;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("carillon.portal.db.url", () -> {
            synchronized (PortalFlowsPostgresIT.class) {
                if (schema == null) {
                    schema = PostgresSchema.create("portal_flows_it");
                }
                return schema.jdbcUrl();
            }
        });
    }

    /** Counts this class as run in the report (nested classes alone report 0 tests) and pins the database. */
    @Test
    void runsAgainstTheConfiguredPostgresServer() {
        assertThat(PostgresSchema.configuredUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("jdbc:postgresql:"));
    }

    @AfterAll
    static void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    @Nested
    class Purchases extends PurchaseFlowIT {
    }

    @Nested
    class Invoices extends InvoiceIT {
    }

    @Nested
    class Dashboard extends DashboardIT {
    }

    @Nested
    class Customers extends CustomerAccountsIT {
    }

    @Nested
    class ProfilesAndSubAccounts extends ProfileAndSubAccountIT {
    }
}
