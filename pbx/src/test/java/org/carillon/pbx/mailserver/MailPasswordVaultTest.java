package org.carillon.pbx.mailserver;

import org.carillon.platform.settings.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailPasswordVaultTest {
    @TempDir
    Path data;

    @Test
    void sealsWithAFreshNonceUnderAnOwnerOnlyKeyFileAndOpensOnlyWithThatKey() throws Exception {
        var vault = new MailPasswordVault(new DataDirectory(data));
        String a = vault.seal("smtp secret");
        String b = vault.seal("smtp secret");

        assertThat(a).isNotEqualTo(b).doesNotContain("smtp secret");
        assertThat(vault.open(a)).isEqualTo("smtp secret");
        assertThat(new MailPasswordVault(new DataDirectory(data)).open(b)).isEqualTo("smtp secret");
        Path key = data.resolve("keys").resolve("mail.key");
        assertThat(Files.size(key)).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        assertThatThrownBy(() -> new MailPasswordVault(new byte[32]).open(a)).isInstanceOf(IllegalStateException.class);
    }
}
