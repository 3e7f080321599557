package org.carillon.licensekey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyGenTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesAReadableKeyPairAndRefusesToOverwriteIt(@TempDir Path dir) {
        assertThat(run("--dir", dir.toString(), "--name", "prod-2026")).isZero();
        assertThat(Ed25519Keys.readPrivateKey(dir.resolve("prod-2026.private.pem"))).isNotNull();
        assertThat(Ed25519Keys.readPublicKey(dir.resolve("prod-2026.public.pem"))).isNotNull();
        assertThat(run("--dir", dir.toString(), "--name", "prod-2026")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to overwrite");
    }

    @Test
    void usesADefaultName(@TempDir Path dir) {
        assertThat(run("--dir", dir.toString())).isZero();
        assertThat(dir.resolve("license-signing.private.pem")).exists();
    }

    @Test
    void explainsUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("--dir")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }

    private int run(String... args) {
        return KeyGen.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
