package org.carillon.pbx.feature;

import org.carillon.platform.testing.PostgresSchema;
import org.carillon.platform.testing.WebFoundationContract;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings of the shared PBX test contexts (feature contracts, calls): own data folder, OS-chosen ports, keep-alive
 * driven by the tests, and on PostgreSQL one throw-away schema per context, dropped when the test JVM exits (several
 * classes share a context).
 */
public final class FeatureSettings {
    private static final Map<String, PostgresSchema> SCHEMAS = new HashMap<>();

    private FeatureSettings() {
    }

    /** The JDBC URL of the schema named after {@code prefix}, created on first use. */
    public static synchronized String postgresUrl(String prefix) {
        return SCHEMAS.computeIfAbsent(prefix, p -> {
            PostgresSchema schema = PostgresSchema.create(p);
            Runtime.getRuntime().addShutdownHook(new Thread(schema::close));
            return schema;
        }).jdbcUrl();
    }

    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void common(DynamicPropertyRegistry registry, Path data) {
        registry.add("carillon.data.dir", data::toString);
        registry.add("carillon.owner.password", () -> WebFoundationContract.OWNER_PASSWORD);
        registry.add("carillon.sip.port", () -> "0");
        registry.add("carillon.bind", () -> "127.0.0.1");
        registry.add("carillon.pbx.base.url", () -> "http://pbx.example.test");
        registry.add("carillon.dev.licenses", () -> "true");
        registry.add("carillon.license.file",
                () -> DevLicense.write(data, FeatureTestBeans.START, 100_000).toString());
        // open server-sent event streams (extension list, role board) would hold a graceful shutdown for its 30 s
        registry.add("server.shutdown", () -> "immediate");
        // the tests call KeepAlive.tick() themselves after moving the clock
        registry.add("carillon.registrar.keepalive.seconds", () -> "0");
    }
}
