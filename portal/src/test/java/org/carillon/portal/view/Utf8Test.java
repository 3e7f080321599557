package org.carillon.portal.view;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8Test {
    /** The JDK's encoding of the same characters (lone surrogates become {@code ?}, as Tomcat's writer does). */
    private static byte[] jdk(char[] chars, int length) {
        return new String(chars, 0, length).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ours(char[] chars, int length) {
        Utf8.Encoded encoded = Utf8.encode(chars, length);
        return Arrays.copyOf(encoded.bytes(), encoded.length());
    }

    @Test
    void pagesEncodeAsTheJdkEncodesThem() {
        for (String page : new String[] {"", "a", "Invoice — Carillon Customer Portal", "Loading…".repeat(100),
                "x".repeat(15) + "é" + "y".repeat(40), "▸" + "z".repeat(33), "emoji 😀 at 16: " + "q".repeat(15) + "😀",
                "ascii only, exactly thirty-two!!", "ü".repeat(17), "—".repeat(100), "😀".repeat(50) + "x"}) {
            char[] chars = page.toCharArray();
            assertThat(ours(chars, chars.length)).as(page).isEqualTo(jdk(chars, chars.length));
        }
    }

    @Test
    void anyCharactersIncludingLoneSurrogatesAndPairsAcrossBlocksEncodeAsTheJdkEncodesThem() {
        Random random = new Random(8);
        char[] alphabet = {'a', '<', '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '—', '…', '\uffff', '\ud83d',
                '\ude00', '\udbff', '\udc00'};
        for (int run = 0; run < 2_000; run++) {
            char[] chars = new char[random.nextInt(200)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : 'x';
            }
            int length = chars.length == 0 ? 0 : random.nextInt(chars.length + 1);
            assertThat(ours(chars, length)).as(Arrays.toString(chars) + " / " + length).isEqualTo(jdk(chars, length));
        }
    }
}
