package org.carillon.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Two descriptions are written for every call the PBX bridges (issue 6's GC share): the writer appends into one
 * builder instead of making a string per line and a stream per line type. Correctness is
 * {@code SdpParserTest.writesEveryExampleBackAsReceivedButWithCrlf}.
 */
class SdpWriterGarbageTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void writingAnOfferAllocatesLittleMoreThanItsText() {
        SessionDescription sd = SdpFixtures.parse("softphone-offer.sdp");
        int length = sd.toString().length();
        String sink = "";
        for (int i = 0; i < 20_000; i++) {
            sink = SdpWriter.write(sd);
        }
        int n = 5_000;
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            sink = SdpWriter.write(sd);
        }
        long perWrite = (THREADS.getCurrentThreadAllocatedBytes() - before) / n;
        assertThat(sink).hasSize(length);
        // the builder plus the resulting string; for this 285-character offer 4,408 B before, ~1,072 after
        assertThat(perWrite).isLessThan(6L * length);
    }
}
