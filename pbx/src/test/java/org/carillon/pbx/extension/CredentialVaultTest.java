package org.carillon.pbx.extension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SIP passwords sealed with AES-256-GCM under a key file kept outside the database. */
class CredentialVaultTest {

    @Test
    void theKeyFileIsCreatedOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/credentials.key");
        byte[] key = CredentialVault.loadOrCreate(file);
        assertThat(key).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(CredentialVault.loadOrCreate(file)).isEqualTo(key);
    }

    @Test
    void sealedPasswordsOpenOnlyWithTheSameKeyAndUsername(@TempDir Path dir) {
        var vault = new CredentialVault(CredentialVault.loadOrCreate(dir.resolve("a.key")));
        String sealed = vault.encrypt("s3cret-password", "alice");
        assertThat(sealed).doesNotContain("s3cret");
        assertThat(vault.encrypt("s3cret-password", "alice")).isNotEqualTo(sealed); // fresh nonce each time
        assertThat(vault.decrypt(sealed, "alice")).isEqualTo("s3cret-password");
        assertThatThrownBy(() -> vault.decrypt(sealed, "bob")).isInstanceOf(CredentialKeyException.class);
        var other = new CredentialVault(CredentialVault.loadOrCreate(dir.resolve("b.key")));
        assertThatThrownBy(() -> other.decrypt(sealed, "alice")).isInstanceOf(CredentialKeyException.class);
    }

    @Test
    void generatedCredentialsAreOpaqueAndStrong() {
        var c = SipCredentials.generate();
        assertThat(c.username()).matches("[a-z][a-z0-9]{15}");
        assertThat(c.password()).hasSize(20).matches("[A-Za-z2-9]+");
        assertThat(SipCredentials.generate().username()).isNotEqualTo(c.username());
        assertThat(c.toString()).doesNotContain(c.password());
    }
}
