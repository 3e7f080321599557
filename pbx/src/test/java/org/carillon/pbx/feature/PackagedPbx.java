package org.carillon.pbx.feature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged PBX jar run as a user would ({@code java -jar target/carillon-pbx.jar}) in a work folder, for the tests
 * that kill it with SIGKILL and start it again on the same data.
 */
public final class PackagedPbx {
    private PackagedPbx() {
    }

    /** Starts the jar in {@code work} (its data under {@code work/data}); output to {@code work/<log>}. */
    public static Process start(Path work, int http, int sip, String log, Map<String, String> extra)
            throws IOException {
        Path jar = Path.of("target/carillon-pbx.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARILLON_"));
        pb.environment().put("CARILLON_PBX_HTTP_PORT", Integer.toString(http));
        pb.environment().put("CARILLON_SIP_PORT", Integer.toString(sip));
        pb.environment().put("CARILLON_BIND", "127.0.0.1");
        pb.environment().put("CARILLON_OWNER_PASSWORD", FeatureFixture.OWNER_PASSWORD);
        pb.environment().putAll(extra);
        return pb.start();
    }

    /** Ends {@code p} with SIGKILL if it still runs (a test's clean-up). */
    public static void kill(Process p) throws InterruptedException {
        if (p != null && p.isAlive()) {
            p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** Waits until {@code /actuator/health} answers 200 (at most 180 s). */
    public static void awaitHealthy(int http, Process p, Path log) throws Exception {
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
}
