package org.carillon.licensekey.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixed random bytes give byte-for-byte the keys in {@code golden/activation-keys.tsv}. */
class ActivationKeyGoldenTest {

    @Test
    void fixedRandomBytesGiveTheGoldenKeys() throws IOException {
        List<String[]> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(6);
        for (String[] row : rows) {
            ActivationKey key = ActivationKey.fromRandomBytes(HexFormat.of().parseHex(row[0]));
            assertThat(key.text()).as(row[0]).isEqualTo(row[1]);
            assertThat(key.masked()).as(row[0]).isEqualTo(row[2]);
            assertThat(key.lookupHash()).as(row[0]).isEqualTo(row[3]);
            assertThat(ActivationKey.parse(row[1])).isEqualTo(key);
        }
    }

    private static List<String[]> rows() throws IOException {
        try (InputStream in = ActivationKeyGoldenTest.class.getResourceAsStream("/golden/activation-keys.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .toList();
        }
    }
}
