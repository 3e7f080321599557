package org.carillon.pbx.feature;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
        if (pbx != null && pbx.isAlive()) {
            pbx.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process start(int http, int sip, String log) throws IOException {
        Path jar = Path.of("target/carillon-pbx.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARILLON_"));
        pb.environment().put("CARILLON_PBX_HTTP_PORT", Integer.toString(http));
        pb.environment().put("CARILLON_SIP_PORT", Integer.toString(sip));
        pb.environment().put("CARILLON_BIND", "127.0.0.1");
        pb.environment().put("CARILLON_OWNER_PASSWORD", PASSWORD);
        return pb.start();
    }

    private static void awaitHealthy(int http, Process p, Path log) throws Exception {
        var client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the PBX exited:\n" + Files.readString(log));
            }
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        throw new AssertionError("the PBX did not become healthy:\n" + Files.readString(log));
    }

    @Test
    void aRegistrationSurvivesSigkillAndRestart() throws Exception {
        int http = Sipp.freePort();
        int sip = Sipp.freePort();
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
