package org.carillon.platform.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A throw-away PostgreSQL schema for one test class, on the server named by {@code CARILLON_TEST_POSTGRES_URL}
 * (environment) or {@code carillon.test.postgres.url} (system property), e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}. Each run gets its own random schema so the PBX and
 * portal suites, and parallel runs, never share a {@code flyway_schema_history}.
 */
public final class PostgresSchema implements AutoCloseable {
    private final String serverUrl;
    private final String schema;

    private PostgresSchema(String serverUrl, String schema) {
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    /** The configured server URL, or empty when PostgreSQL tests are not wanted in this run. */
    public static Optional<String> configuredUrl() {
        String url = System.getenv("CARILLON_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            url = System.getProperty("carillon.test.postgres.url");
        }
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
    }

    /** Creates a fresh schema on the configured server. */
    public static PostgresSchema create(String prefix) {
        String url = configuredUrl().orElseThrow(() -> new IllegalStateException("CARILLON_TEST_POSTGRES_URL is not set"));
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        String schema = (prefix + "_" + HexFormat.of().formatHex(bytes)).toLowerCase(java.util.Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + url + ": " + e.getMessage(), e);
        }
        return new PostgresSchema(url, schema);
    }

    /** A JDBC URL whose connections use this schema. */
    public String jdbcUrl() {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String schema() {
        return schema;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
