package org.carillon.pbx.feature;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4: bindings survive a crash. Runs the packaged jar as a user would, registers a device, waits past the
 * write-behind period (≤ 1 s promised), kills the PBX with SIGKILL, starts it again on the same data folder and
 * finds the registration through the API.
 */
class BindingsSurviveKillIT {
    private static final String PASSWORD = FeatureFixture.OWNER_PASSWORD;
    @TempDir
    Path work;
    private Process pbx;

    @AfterEach
    void stop() throws InterruptedException {
        PackagedPbx.kill(pbx);
    }

    private Process start(int http, int sip, String log) throws IOException {
        return PackagedPbx.start(work, http, sip, log, java.util.Map.of());
    }

    private static void awaitHealthy(int http, Process p, Path log) throws Exception {
        PackagedPbx.awaitHealthy(http, p, log);
    }

    @Test
    void aRegistrationSurvivesSigkillAndRestart() throws Exception {
        int http = TestPorts.tcp();
        int sip = TestPorts.udpAndTcp();
        pbx = start(http, sip, "first.log");
        awaitHealthy(http, pbx, work.resolve("first.log"));
        Api api = new Api(http, FeatureFixture.OWNER, PASSWORD);
        var created = api.createExtension("restart@example.com", "agent");
        String number = created.text("number");
        try (var phone = new SipTestClient(sip)) {
            assertThat(phone.register(number, created.text("username"), created.text("password"), 3600)
                    .statusCode()).isEqualTo(200);
        }
        var before = api.get("/api/v1/extensions/" + number);
        assertThat(before.text("status")).isEqualTo("ready");
        // past the write-behind period: the binding is on disk now
        LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
        pbx.destroyForcibly(); // SIGKILL: no shutdown hook, no final flush
        assertThat(pbx.waitFor(10, TimeUnit.SECONDS)).isTrue();

        pbx = start(http, sip, "second.log");
        awaitHealthy(http, pbx, work.resolve("second.log"));
        var after = new Api(http, FeatureFixture.OWNER, PASSWORD).get("/api/v1/extensions/" + number);
        assertThat(after.text("status")).isEqualTo("ready");
        assertThat(after.json().path("registrations")).hasSize(1);
        assertThat(after.json().path("registrations").get(0).path("contact").asString())
                .isEqualTo(before.json().path("registrations").get(0).path("contact").asString());
        assertThat(after.json().path("registrations").get(0).path("expiresAt").asString())
                .isEqualTo(before.json().path("registrations").get(0).path("expiresAt").asString());
    }
}
