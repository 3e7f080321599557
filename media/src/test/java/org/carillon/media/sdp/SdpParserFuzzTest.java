package org.carillon.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing with a fixed seed: flipped, inserted, deleted and duplicated characters in the example
 * bodies. The parser may refuse a body only with {@link SdpParseException}, and whatever it accepts must
 * write back to text it accepts again.
 */
class SdpParserFuzzTest {

    private static final List<String> SEEDS = List.of("rfc4317-2.2-offer.sdp", "rfc4317-2.6-offer.sdp",
            "rfc4317-3.2-second-offer.sdp", "softphone-offer.sdp");
    private static final String ALPHABET = "v=o-s c IN IP4 0.:/\r\nmaudioRTP/AVP 0 8 101 rtpmap sendonly";

    @Test
    void mutatedBodiesAreParsedOrRefusedWithTheTypedExceptionOnly() {
        var random = new SplittableRandom(20261127L);
        int accepted = 0;
        for (int i = 0; i < 5_000; i++) {
            var text = new StringBuilder(SdpFixtures.text(SEEDS.get(random.nextInt(SEEDS.size()))));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && !text.isEmpty(); e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(4)) {
                    case 0 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    case 2 -> text.deleteCharAt(at);
                    default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
                }
            }
            try {
                SessionDescription sd = SdpParser.parse(text.toString());
                assertThat(SdpParser.parse(sd.toString())).isEqualTo(sd);
                accepted++;
            } catch (SdpParseException expected) {
                // refused as documented
            }
        }
        assertThat(accepted).isGreaterThan(150); // the fuzzer reached past the first line
    }
}
