package org.carillon.pbx.parking;

import org.carillon.platform.testing.PostgresSchema;
import org.carillon.platform.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link ParkingLotMigrationIT} on PostgreSQL, in a schema of its own. */
@RequiresPostgres
class ParkingLotMigrationPostgresIT {

    @Test
    void savedSettingsBecomeTheDefaultLotOnPostgres() {
        try (PostgresSchema schema = PostgresSchema.create("parking_lot_migration")) {
            ParkingLotMigrationIT.savedSettingsBecomeTheDefaultLot(new DriverManagerDataSource(schema.jdbcUrl()));
        }
    }
}
