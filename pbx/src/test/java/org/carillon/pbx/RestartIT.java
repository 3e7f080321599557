package org.carillon.pbx;

import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting twice on the same data folder reuses it: the generated Owner password is not regenerated. */
class RestartIT {

    private static org.springframework.context.ConfigurableApplicationContext start(Path data) {
        // Command-line arguments: they outrank application.yml, as an operator's environment would.
        return new SpringApplicationBuilder(PbxApplication.class)
                .run("--carillon.data.dir=" + data, "--carillon.pbx.http.port=0", "--carillon.sip.port=0",
                        "--carillon.bind=127.0.0.1");
    }

    @Test
    void secondStartKeepsTheDataAndTheGeneratedOwnerPassword(@TempDir Path data) throws Exception {
        Path passwordFile = data.resolve("pbx/initial-owner-password");
        String password;
        try (var first = start(data)) {
            password = Files.readString(passwordFile).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        }
        try (var second = start(data)) {
            assertThat(Files.readString(passwordFile).trim()).isEqualTo(password);
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            var me = new WebClient(port).getJson("/api/v1/me", OwnerBootstrap.OWNER_EMAIL, password);
            assertThat(me.statusCode()).isEqualTo(200);
        }
    }
}
