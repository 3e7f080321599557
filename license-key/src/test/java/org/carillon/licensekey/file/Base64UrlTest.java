package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Base64UrlTest {

    @Test
    void encodesWithoutPaddingUsingTheUrlAlphabet() {
        assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
        assertThat(Base64Url.decode("-_8")).containsExactly(0xfb, 0xff);
    }

    @Test
    void refusesPaddingStandardAlphabetAndWhitespace() {
        for (String bad : new String[] {"-_8=", "+/8", "ab cd", "a"}) {
            assertThatThrownBy(() -> Base64Url.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesNonCanonicalTrailingBitsSoOneValueHasOneSpelling() {
        assertThat(Base64Url.decode("QQ")).containsExactly('A');
        assertThatThrownBy(() -> Base64Url.decode("QR")).hasMessageContaining("canonical");
    }
}
