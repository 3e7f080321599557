package org.carillon.licensekey.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive over sample keys: every single-symbol substitution and every adjacent transposition of the
 * 25 symbols (prefix, data, check) is refused; aliases of the same symbol are the only accepted variants.
 */
class ActivationKeyTypoDetectionTest {

    private static final int SAMPLE_KEYS = 100;
    /** Every character a person might type into a key, aliases included. */
    private static final String TYPEABLE = CrockfordBase32.CHECK_SYMBOLS + "ILO" + "abcdefghijklmnopqrstuvwxyz";

    @Test
    void everySingleSubstitutionIsDetected() {
        Random random = new Random(20261127L);
        int tried = 0;
        for (int k = 0; k < SAMPLE_KEYS; k++) {
            String compact = compact(randomKey(random));
            for (int pos = 0; pos < compact.length(); pos++) {
                for (char c : TYPEABLE.toCharArray()) {
                    if (CrockfordBase32.canonical(c) == compact.charAt(pos)) {
                        continue; // the same symbol, however typed: not a typo
                    }
                    String typo = compact.substring(0, pos) + c + compact.substring(pos + 1);
                    assertRefused(typo);
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThan(SAMPLE_KEYS * 25 * 40);
    }

    @Test
    void everyAdjacentTranspositionIsDetected() {
        Random random = new Random(7L);
        int tried = 0;
        for (int k = 0; k < SAMPLE_KEYS * 10; k++) {
            String compact = compact(randomKey(random));
            for (int pos = 0; pos + 1 < compact.length(); pos++) {
                if (compact.charAt(pos) == compact.charAt(pos + 1)) {
                    continue;
                }
                char[] chars = compact.toCharArray();
                chars[pos] = compact.charAt(pos + 1);
                chars[pos + 1] = compact.charAt(pos);
                assertRefused(new String(chars));
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(SAMPLE_KEYS * 10 * 20);
    }

    @Test
    void everyCheckValueOccursAmongSampleKeysSoTheCheckOnlySymbolsAreCovered() {
        Random random = new Random(7L);
        boolean[] seen = new boolean[CrockfordBase32.CHECK_MODULUS];
        for (int k = 0; k < SAMPLE_KEYS * 10; k++) {
            seen[CrockfordBase32.checkValue(randomKey(random).checkSymbol())] = true;
        }
        for (int v = 0; v < seen.length; v++) {
            assertThat(seen[v]).as("check value %d", v).isTrue();
        }
    }

    private static ActivationKey randomKey(Random random) {
        byte[] bytes = new byte[ActivationKey.RANDOM_BYTES];
        random.nextBytes(bytes);
        return ActivationKey.fromRandomBytes(bytes);
    }

    private static String compact(ActivationKey key) {
        return key.text().replace("-", "");
    }

    private static void assertRefused(String typo) {
        try {
            ActivationKey.parse(typo);
            fail("accepted a typo: " + typo);
        } catch (InvalidActivationKeyException expected) {
            // detected
        }
    }
}
