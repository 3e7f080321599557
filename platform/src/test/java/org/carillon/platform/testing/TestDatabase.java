package org.carillon.platform.testing;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** A private in-memory H2 database in PostgreSQL mode with the platform's migrations applied. */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static DataSource h2WithPlatformSchema() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/platform").table("platform_schema_history")
                .load().migrate();
        return ds;
    }
}
