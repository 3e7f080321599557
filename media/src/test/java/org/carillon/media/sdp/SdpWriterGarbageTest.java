package org.carillon.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Two descriptions are written for every call the PBX bridges (issue 6's GC share): the writer appends into one
 * builder instead of making a string per line and a stream per line type. Correctness is
 * {@code SdpParserTest.writesEveryExampleBackAsReceivedButWithCrlf}.
 */
class SdpWriterGarbageTest {

    @Test
    void writingAnOfferAllocatesLittleMoreThanItsText() {
        SessionDescription sd = SdpFixtures.parse("softphone-offer.sdp");
        int length = sd.toString().length();
        assertThat(SdpWriter.write(sd)).hasSize(length);
        long perWrite = Garbage.perRun(20_000, 5_000, () -> SdpWriter.write(sd));
        // the builder plus the resulting string; for this 285-character offer 4,408 B before, ~1,072 after
        assertThat(perWrite).isLessThan(6L * length);
    }
}
