package org.carillon.portal;

import org.carillon.platform.testing.PostgresSchema;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mixed into a flow test to run it on PostgreSQL: every class that implements it shares one Spring context and one
 * throw-away schema (created on first use, dropped when the JVM ends). Pair it with {@code @RequiresPostgres}.
 */
interface OnPostgres {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("carillon.portal.db.url", () -> Schema.INSTANCE.jdbcUrl());
    }

    /** The schema, created lazily so that merely loading the class needs no server. */
    final class Schema {
        static final PostgresSchema INSTANCE = PostgresSchema.create("portal_flows_it");

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(INSTANCE::close, "drop-portal-flows-schema"));
        }

        private Schema() {
        }
    }
}
