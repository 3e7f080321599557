package org.carillon.pbx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad setting ends start-up with one line naming it and exit status 2 — no stack trace wall. Runs the packaged
 * jar as a user would.
 */
class StartupFailureIT {
    @TempDir
    Path work;

    record Outcome(int exitCode, List<String> stderr, String stdout) {
    }

    private Outcome start(Map<String, String> env) throws Exception {
        Path jar = Path.of("target/carillon-pbx.jar").toAbsolutePath();
        assertThat(jar).exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString())
                .directory(work.toFile())
                .redirectError(work.resolve("stderr.txt").toFile())
                .redirectOutput(work.resolve("stdout.txt").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CARILLON_"));
        pb.environment().put("CARILLON_PBX_HTTP_PORT", "0");
        pb.environment().put("CARILLON_SIP_PORT", "0");
        pb.environment().put("CARILLON_BIND", "127.0.0.1");
        pb.environment().putAll(env);
        Process process = pb.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the PBX did not stop on a bad setting");
        }
        List<String> stderr = Files.readAllLines(work.resolve("stderr.txt"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).filter(l -> !l.startsWith("WARNING:")).toList();
        return new Outcome(process.exitValue(), stderr,
                Files.readString(work.resolve("stdout.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void httpPortOutOfRangeIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = start(Map.of("CARILLON_PBX_HTTP_PORT", "70000"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr())
                .containsExactly("carillon: invalid setting CARILLON_PBX_HTTP_PORT: 70000 is out of range (1-65535)");
        assertThat(outcome.stdout()).doesNotContain("Exception");
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsOneLineNamingItAndExitTwo() throws Exception {
        Outcome outcome = start(Map.of("CARILLON_WEB_TRUSTED_PROXIES", "10.0.0.0/24, proxy.example.com"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).containsExactly("carillon: invalid setting CARILLON_WEB_TRUSTED_PROXIES:"
                + " 'proxy.example.com' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/24, 2001:db8::/32)");
        assertThat(outcome.stdout()).doesNotContain("Exception");
    }

    @Test
    void unwritableDataDirectoryIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = start(Map.of("CARILLON_DATA_DIR", "/proc/carillon-not-here"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).hasSize(1);
        assertThat(outcome.stderr().getFirst()).startsWith("carillon: invalid setting CARILLON_DATA_DIR: cannot write to");
        assertThat(outcome.stdout()).doesNotContain("Exception");
    }

    @Test
    void unreachableDatabaseIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = start(Map.of("CARILLON_PBX_DB_URL", "jdbc:postgresql://127.0.0.1:1/carillon?connectTimeout=2"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).hasSize(1);
        assertThat(outcome.stderr().getFirst())
                .startsWith("carillon: invalid setting CARILLON_PBX_DB_URL: cannot open the database");
        assertThat(outcome.stdout()).doesNotContain("Exception");
    }

    @Test
    void refusedLicenseFileIsOneLineAndExitTwo() throws Exception {
        Path file = work.resolve("bogus.lic");
        Files.writeString(file, "-----BEGIN CARILLON LICENSE-----\nnot a license\n-----END CARILLON LICENSE-----\n");
        Outcome outcome = start(Map.of("CARILLON_LICENSE_FILE", file.toString()));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).hasSize(1);
        assertThat(outcome.stderr().getFirst()).startsWith("carillon: invalid setting CARILLON_LICENSE_FILE: refused:");
    }
}
