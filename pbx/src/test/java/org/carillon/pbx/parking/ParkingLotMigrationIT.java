package org.carillon.pbx.parking;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V56 (issue 10): a tenant's saved parking settings (V54's {@code parking_policy}) become its default lot Main, 700,
 * 701–720, and the old table goes; a tenant that saved none gets no row (the PBX makes its lot from the environment
 * at start). On H2; {@link ParkingLotMigrationPostgresIT} runs the same on PostgreSQL.
 */
class ParkingLotMigrationIT {

    static void savedSettingsBecomeTheDefaultLot(DataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/platform").table("platform_schema_history")
                .load().migrate();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").target("55").load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        for (String domain : List.of("a.example", "b.example")) {
            jdbc.sql("INSERT INTO tenant (name, sip_domain, time_zone, created_at) VALUES (?, ?, 'UTC',"
                    + " CURRENT_TIMESTAMP)").params(domain, domain).update();
        }
        long a = jdbc.sql("SELECT id FROM tenant WHERE sip_domain = 'a.example'").query(Long.class).single();
        jdbc.sql("INSERT INTO parking_policy (tenant_id, timeout_seconds, fallback_type, fallback_target, updated_at)"
                + " VALUES (?, 45, 'extension', '1009', CURRENT_TIMESTAMP)").param(a).update();

        Flyway.configure().dataSource(ds).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();

        List<Map<String, Object>> lots = jdbc.sql("SELECT tenant_id, name, park_number, first_slot, last_slot,"
                + " timeout_seconds, fallback_type, fallback_target, music_on_hold, is_default FROM parking_lot")
                .query().listOfRows();
        assertThat(lots).hasSize(1);
        assertThat(lots.getFirst()).containsEntry("name", "Main").containsEntry("park_number", "700")
                .containsEntry("first_slot", 701).containsEntry("last_slot", 720)
                .containsEntry("timeout_seconds", 45).containsEntry("fallback_type", "extension")
                .containsEntry("fallback_target", "1009").containsEntry("music_on_hold", "default")
                .containsEntry("is_default", true);
        assertThat(((Number) lots.getFirst().get("tenant_id")).longValue()).isEqualTo(a);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) ="
                + " 'parking_policy'").query(Long.class).single()).isZero();
    }

    @Test
    void savedSettingsBecomeTheDefaultLotOnH2() {
        savedSettingsBecomeTheDefaultLot(new DriverManagerDataSource("jdbc:h2:mem:parking-lot-migration;"
                + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
    }
}
