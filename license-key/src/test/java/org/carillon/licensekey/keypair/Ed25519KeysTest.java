package org.carillon.licensekey.keypair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeysTest {

    private static final KeyPair PAIR = Ed25519Keys.generate(new SecureRandom());

    @Test
    void pemTextRoundTripsBothKeys() {
        String priv = Ed25519Keys.toPem(PAIR.getPrivate());
        String pub = Ed25519Keys.toPem(PAIR.getPublic());
        assertThat(priv).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(pub).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(Ed25519Keys.readPrivateKey(priv).getEncoded()).isEqualTo(PAIR.getPrivate().getEncoded());
        assertThat(Ed25519Keys.readPublicKey(pub)).isEqualTo(PAIR.getPublic());
    }

    @Test
    void readsPemWithExplanatoryTextAndCrlf() {
        String pub = "Explanatory text\r\n" + Ed25519Keys.toPem(PAIR.getPublic()).replace("\n", "\r\n") + "trailer";
        assertThat(Ed25519Keys.readPublicKey(pub)).isEqualTo(PAIR.getPublic());
    }

    @Test
    void writesBothFilesPrivateOneOwnerOnlyAndNeverOverwrites(@TempDir Path dir) throws IOException {
        Path priv = Ed25519Keys.write(PAIR, dir.resolve("keys"), "prod-1");
        assertThat(priv.getFileName().toString()).isEqualTo("prod-1.private.pem");
        assertThat(Ed25519Keys.readPrivateKey(priv).getEncoded()).isEqualTo(PAIR.getPrivate().getEncoded());
        assertThat(Ed25519Keys.readPublicKey(dir.resolve("keys/prod-1.public.pem"))).isEqualTo(PAIR.getPublic());
        if (Files.getFileAttributeView(priv, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> Ed25519Keys.write(PAIR, dir.resolve("keys"), "prod-1")).isInstanceOf(IOException.class);
    }

    @Test
    void refusesOtherKeyTypesAndGarbage() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        assertThatThrownBy(() -> Ed25519Keys.toPem(ed448.getPublic())).hasMessageContaining("not an Ed25519 key");
        String ed448Pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(ed448.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertThatThrownBy(() -> Ed25519Keys.readPublicKey(ed448Pem)).isInstanceOf(InvalidKeyFileException.class);
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(Ed25519Keys.toPem(PAIR.getPublic())))
                .isInstanceOf(InvalidKeyFileException.class).hasMessageContaining("BEGIN PRIVATE KEY");
        assertThatThrownBy(() -> Ed25519Keys.readPrivateKey(Path.of("/nonexistent/key.pem")))
                .isInstanceOf(InvalidKeyFileException.class).hasMessageContaining("cannot read");
    }

    @Test
    void theDevelopmentKeyPairMatches() throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(DevelopmentKey.privateKey());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(DevelopmentKey.publicKey());
        s.update(new byte[] {1, 2, 3});
        assertThat(s.verify(sig)).isTrue();
    }
}
