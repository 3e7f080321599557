package org.carillon.platform.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Child process of {@link H2DurabilityIT}: inserts rows one transaction at a time into the H2 file given as the
 * first argument, printing each id after its commit returned — the moment a user would have been told "saved".
 */
public final class H2CrashWriter {
    private H2CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS acked (id BIGINT PRIMARY KEY, payload VARCHAR(200))");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO acked (id, payload) VALUES (?, ?)")) {
                for (long id = 1; ; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "row " + id + " ".repeat(100));
                    insert.executeUpdate();
                    c.commit();
                    System.out.println(id);
                    System.out.flush();
                }
            }
        }
    }
}
