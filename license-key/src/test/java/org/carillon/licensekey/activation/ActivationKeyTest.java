package org.carillon.licensekey.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.carillon.licensekey.activation.InvalidActivationKeyException.Reason;
import org.junit.jupiter.api.Test;

class ActivationKeyTest {

    private static final ActivationKey KEY = new ActivationKey("0123456789ABCDEFGHJK");

    @Test
    void formatsAsPrefixFourGroupsAndCheckSymbol() {
        assertThat(KEY.text()).matches("CAR1-01234-56789-ABCDE-FGHJK-[0-9A-Z*~$=]");
        assertThat(KEY.text()).endsWith("-" + CrockfordBase32.checkSymbolOf(KEY.symbols()));
    }

    @Test
    void parsesItsOwnText() {
        assertThat(ActivationKey.parse(KEY.text())).isEqualTo(KEY);
    }

    @Test
    void parsesLowerCaseAliasesAndMissingOrExtraSeparators() {
        String sloppy = "  car1 oi234-56789abcdefghjk " + Character.toLowerCase(KEY.checkSymbol()) + "\r\n";
        assertThat(ActivationKey.parse(sloppy)).isEqualTo(KEY);
        assertThat(ActivationKey.parse(KEY.text().replace("-", ""))).isEqualTo(KEY);
        assertThat(ActivationKey.parse(KEY.text().replace('1', 'l'))).isEqualTo(KEY);
    }

    @Test
    void refusesWrongLengthWithItsReason() {
        assertReason(KEY.text().substring(0, KEY.text().length() - 2), Reason.WRONG_LENGTH);
        assertReason(KEY.text() + "0", Reason.WRONG_LENGTH);
        assertReason("", Reason.WRONG_LENGTH);
        assertReason("-".repeat(500), Reason.WRONG_LENGTH);
    }

    @Test
    void refusesCharactersOutsideTheAlphabetNamingThePosition() {
        assertThatThrownBy(() -> ActivationKey.parse("CAR1-0123#-56789-ABCDE-FGHJK-0"))
                .isInstanceOfSatisfying(InvalidActivationKeyException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_CHARACTER))
                .hasMessageContaining("'#' at position 10");
        assertReason("CAR1-0123U-56789-ABCDE-FGHJK-0", Reason.BAD_CHARACTER);
        assertReason("CAR1-0123\u00e9-56789-ABCDE-FGHJK-0", Reason.BAD_CHARACTER);
    }

    @Test
    void refusesAnotherProductOrVersion() {
        assertReason(KEY.text().replaceFirst("CAR1", "CAR2"), Reason.WRONG_PREFIX);
        assertReason(KEY.text().replaceFirst("CAR1", "XAR1"), Reason.WRONG_PREFIX);
    }

    @Test
    void refusesAWrongCheckSymbol() {
        char wrong = KEY.checkSymbol() == '0' ? '1' : '0';
        assertReason(KEY.text().substring(0, KEY.text().length() - 1) + wrong, Reason.BAD_CHECK);
    }

    @Test
    void errorMessagesNeverRepeatTheKey() {
        String typo = KEY.text().substring(0, KEY.text().length() - 1) + (KEY.checkSymbol() == '0' ? '1' : '0');
        assertThatThrownBy(() -> ActivationKey.parse(typo)).message().doesNotContain("01234", "FGHJK");
    }

    @Test
    void masksAllButTheLastGroup() {
        assertThat(KEY.masked()).isEqualTo("CAR1-*****-*****-*****-FGHJK-*");
        assertThat(KEY.toString()).isEqualTo(KEY.masked()).doesNotContain("01234");
    }

    @Test
    void hashesTheCanonicalTextWithSha256() {
        assertThat(KEY.lookupHash()).hasSize(64).matches("[0-9a-f]+");
        assertThat(ActivationKey.parse(KEY.text().toLowerCase()).lookupHash()).isEqualTo(KEY.lookupHash());
        assertThat(new ActivationKey("0123456789ABCDEFGHJM").lookupHash()).isNotEqualTo(KEY.lookupHash());
    }

    @Test
    void generatedKeysAreDistinctAndParse() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ActivationKey key = ActivationKey.generate(random);
            assertThat(seen.add(key.symbols())).isTrue();
            assertThat(ActivationKey.parse(key.text())).isEqualTo(key);
        }
    }

    @Test
    void usesTheFirstHundredOfTheHundredAndFourBits() {
        byte[] ones = new byte[13];
        java.util.Arrays.fill(ones, (byte) 0xff);
        assertThat(ActivationKey.fromRandomBytes(ones).symbols()).isEqualTo("Z".repeat(20));
        byte[] lowNibble = new byte[13];
        lowNibble[12] = 0x0f;
        assertThat(ActivationKey.fromRandomBytes(lowNibble).symbols()).isEqualTo("0".repeat(20));
        assertThatThrownBy(() -> ActivationKey.fromRandomBytes(new byte[12])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNonCanonicalSymbolsInTheRecord() {
        assertThatThrownBy(() -> new ActivationKey("0123456789abcdefghjk")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivationKey("0123")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReason(String text, Reason reason) {
        assertThatThrownBy(() -> ActivationKey.parse(text))
                .isInstanceOfSatisfying(InvalidActivationKeyException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
