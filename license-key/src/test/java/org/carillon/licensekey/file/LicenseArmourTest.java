package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LicenseArmourTest {

    @Test
    void wrapsAt64ColumnsBetweenTheMarkerLines() {
        String compact = "a".repeat(150);
        String armoured = LicenseArmour.armour(compact);
        assertThat(armoured.lines().toList()).containsExactly(LicenseArmour.BEGIN, "a".repeat(64), "a".repeat(64),
                "a".repeat(22), LicenseArmour.END);
        assertThat(armoured).endsWith("\n").doesNotContain("\r");
        assertThat(LicenseArmour.dearmour(armoured)).isEqualTo(compact);
    }

    @Test
    void readsThroughCrlfIndentationBlankLinesAndSurroundingText() {
        String pasted = "Here is your license:\r\n\r\n    " + LicenseArmour.BEGIN + "\r\n  abc\r\n\r\n\tdef \r\n"
                + LicenseArmour.END + "\r\nThanks";
        assertThat(LicenseArmour.dearmour(pasted)).isEqualTo("abcdef");
    }

    @Test
    void acceptsBareCompactText() {
        assertThat(LicenseArmour.dearmour("  a.b\n.c \n")).isEqualTo("a.b.c");
    }

    @Test
    void refusesTruncatedOrEmptyArmour() {
        assertThatThrownBy(() -> LicenseArmour.dearmour(LicenseArmour.BEGIN + "\nabc")).hasMessageContaining("no END");
        assertThatThrownBy(() -> LicenseArmour.dearmour("abc\n" + LicenseArmour.END)).hasMessageContaining("no BEGIN");
        assertThatThrownBy(() -> LicenseArmour.dearmour(LicenseArmour.BEGIN + "\n\n" + LicenseArmour.END)).hasMessageContaining("empty");
        assertThatThrownBy(() -> LicenseArmour.dearmour(" \r\n")).hasMessageContaining("empty");
    }
}
