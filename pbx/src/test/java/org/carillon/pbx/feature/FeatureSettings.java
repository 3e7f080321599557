package org.carillon.pbx.feature;

import org.carillon.platform.testing.WebFoundationContract;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Settings of the shared feature contexts: own data folder, OS-chosen ports, keep-alive driven by the tests. */
final class FeatureSettings {
    private FeatureSettings() {
    }

    static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void common(DynamicPropertyRegistry registry, Path data) {
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
