package org.carillon.sip.message.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.SplittableRandom;
import org.carillon.sip.message.Framing;
import org.carillon.sip.message.ParseMode;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipParserLimits;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.header.AuthField;
import org.carillon.sip.syntax.SipParseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the parser with mutations of the seed corpus in {@code src/test/resources/fuzz/seeds}.
 * The only exception allowed to escape parsing, typed access, writing and re-parsing is
 * {@link SipParseException}; anything else (NullPointerException, index errors, arithmetic,
 * OutOfMemoryError) fails the property. Fixed seed and count so CI is deterministic:
 * 200,000 inputs (about 10-20 s on 2 cores).
 */
class SipParserFuzzTest {
    private static final SipParser[] PARSERS = {
        SipParser.wireDefault(),
        new SipParser(ParseMode.STRICT, SipParserLimits.DEFAULTS),
        new SipParser(ParseMode.LENIENT, new SipParserLimits(4096, 32, 512)),
    };
    private static final Mutator MUTATOR = new Mutator(seeds());
    private static int parsed;

    private static List<byte[]> seeds() {
        try (Stream<Path> files = Files.list(Path.of(SipParserFuzzTest.class.getResource("/fuzz/seeds").toURI()))) {
            return files.sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final int BATCHES = 2_000;
    private static final int INPUTS_PER_BATCH = 100;

    /** 2,000 batches of 100 mutants each: 200,000 inputs; each batch's seed comes from one fixed master seed. */
    @Test
    void onlySipParseExceptionEscapesTheParser() throws IOException {
        SplittableRandom master = new SplittableRandom(4475);
        for (int batch = 0; batch < BATCHES; batch++) {
            fuzzBatch(master.nextLong());
        }
    }

    private static void fuzzBatch(long batchSeed) throws IOException {
        java.util.Random random = new java.util.Random(batchSeed);
        for (int i = 0; i < INPUTS_PER_BATCH; i++) {
            byte[] input = MUTATOR.mutate(random);
            try {
                fuzzOne(input);
            } catch (RuntimeException | Error e) {
                Path saved = Path.of("target", "fuzz-failure-" + batchSeed + "-" + i + ".bin");
                Files.createDirectories(saved.getParent());
                Files.write(saved, input);
                throw new AssertionError("non-SipParseException escaped; input saved to " + saved, e);
            }
        }
    }

    private static void fuzzOne(byte[] input) {
        SipParser parser = PARSERS[Math.floorMod(input.length, PARSERS.length)];
        try {
            int n = Framing.leadingCrlf(input, 0, input.length);
            Framing.messageLength(input, n, input.length - n, parser.limits());
        } catch (SipParseException expected) {
            // framing refused it: fine
        }
        SipMessage m;
        try {
            m = parser.parse(input);
        } catch (SipParseException expected) {
            return;
        }
        parsed++;
        readEverything(m);
        byte[] written = m.toBytes();
        try {
            readEverything(parser.parse(written));
        } catch (SipParseException expected) {
            // a lazily-invalid header may make the rewritten form invalid too
        }
    }

    private static void readEverything(SipMessage m) {
        Runnable[] reads = {
            m::vias, m::from, m::to, m::callId, m::cseq, m::maxForwards, m::contacts, m::routes,
            m::recordRoutes, m::contentLength, m::expires, m::body,
            () -> {
                if (m instanceof SipRequest r) {
                    r.requestUri();
                }
            },
            () -> m.headers().first("Authorization").ifPresent(AuthField::parse),
            () -> m.headers().first("Proxy-Authenticate").ifPresent(AuthField::parse),
        };
        for (Runnable read : reads) {
            try {
                read.run();
            } catch (SipParseException expected) {
                // a malformed header read lazily: fine
            }
        }
        for (int i = 0; i < m.headers().size(); i++) {
            m.headers().value(i);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("fuzz: inputs that parsed: " + parsed);
    }
}
