package org.carillon.sip.message.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import org.carillon.sip.message.Framing;
import org.carillon.sip.message.ParseMode;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipParserLimits;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.header.AuthField;
import org.carillon.sip.syntax.SipParseException;

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

    private static final int INPUTS_PER_TRY = 100;

    @Provide
    Arbitrary<Long> batchSeeds() {
        return Arbitraries.longs();
    }

    /** 2,000 tries of 100 mutants each: 200,000 inputs, without jqwik's per-try overhead. */
    @Property(tries = 2_000, seed = "4475", generation = GenerationMode.RANDOMIZED,
            shrinking = ShrinkingMode.OFF, afterFailure = net.jqwik.api.AfterFailureMode.SAMPLE_ONLY)
    void onlySipParseExceptionEscapesTheParser(@ForAll("batchSeeds") long batchSeed) throws IOException {
        java.util.Random random = new java.util.Random(batchSeed);
        for (int i = 0; i < INPUTS_PER_TRY; i++) {
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

    @AfterContainer
    static void report() {
        System.out.println("fuzz: inputs that parsed: " + parsed);
    }
}
