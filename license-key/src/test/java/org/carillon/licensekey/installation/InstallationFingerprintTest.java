package org.carillon.licensekey.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstallationFingerprintTest {

    @Test
    void isStableAndIgnoresCaseAndSurroundingWhitespace() {
        InstallationFingerprint a = InstallationFingerprint.of("4c4c4544-0042", "install-7");
        assertThat(InstallationFingerprint.of(" 4C4C4544-0042\n", "INSTALL-7")).isEqualTo(a);
        assertThat(a.value()).hasSize(64).matches("[0-9a-f]+");
        // pinned: the same value as the golden license (computed independently in Python)
        assertThat(InstallationFingerprint.of("machine-id-0001", "install-id-0001").value())
                .isEqualTo("d0fea2d0af204edecfb1cce16ea7f9a9c31108c3f11f3bb2c8f8f55db7d2c3bb");
    }

    @Test
    void separatesInputsSoShiftingCharactersBetweenThemChangesIt() {
        assertThat(InstallationFingerprint.of("ab", "c")).isNotEqualTo(InstallationFingerprint.of("a", "bc"));
        assertThat(InstallationFingerprint.of("a", "b")).isNotEqualTo(InstallationFingerprint.of("b", "a"));
    }

    @Test
    void parsesWhatAPbxSendsAndRefusesAnythingElse() {
        InstallationFingerprint a = InstallationFingerprint.of("m", "i");
        assertThat(InstallationFingerprint.parse(" " + a.value().toUpperCase() + "\n")).isEqualTo(a);
        assertThat(a.shortForm()).hasSize(12);
        assertThatThrownBy(() -> InstallationFingerprint.parse("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InstallationFingerprint.of("m", " ")).hasMessageContaining("blank");
        assertThatThrownBy(InstallationFingerprint::of).hasMessageContaining("at least one");
    }
}
