package org.carillon.pbx.call;

import org.carillon.media.wav.WavFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits on a voicemail recording while the PBX writes it — its {@code .part} file under the data directory — by
 * polling what is on disk until it holds what the test relies on, instead of sleeping for the audio to flow: a slow
 * or loaded machine only makes the wait longer. Each wait fails after {@code within}, saying what it saw.
 */
final class Recordings {
    private static final int BYTES_PER_MS = 2 * Signals.RATE / 1000;

    private Recordings() {
    }

    /** The recording being written (the newest {@code .part} file if there are several), if there is one. */
    static Optional<Path> part(Path dataDir) {
        Path root = dataDir.resolve("pbx").resolve("voicemail");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part"))
                    .max(Comparator.comparing(Recordings::modified));
        } catch (UncheckedIOException | IOException racedWithARename) {
            return Optional.empty(); // a file went away while walking: look again at the next poll
        }
    }

    /**
     * Waits until the recording holds at least {@code audio} of written samples (what the recorder handed to the
     * file system, synced or not), the last packets included.
     */
    static void awaitWritten(Path dataDir, Duration audio, Duration within) throws InterruptedException {
        long want = WavFormat.PCM16.headerLength() + audio.toMillis() * BYTES_PER_MS;
        long[] seen = {-1};
        poll(within, () -> part(dataDir).map(p -> {
            seen[0] = size(p);
            return seen[0] >= want;
        }).orElse(false), () -> "a recording of " + audio.toMillis() + " ms: "
                + (seen[0] < 0 ? "none started" : "its file held " + written(seen[0]) + " ms"));
    }

    /**
     * Waits until the recording's header — rewritten by the recorder's once-a-second sync to cover what is durable
     * — counts more than {@code audio}: a crash from then on leaves a valid WAV at least that long.
     */
    static void awaitSynced(Path dataDir, Duration audio, Duration within) throws InterruptedException {
        long want = audio.toMillis() * Signals.RATE / 1000;
        long[] seen = {-1};
        poll(within, () -> part(dataDir).map(p -> {
            seen[0] = declared(p);
            return seen[0] > want;
        }).orElse(false), () -> "a recording synced past " + audio.toMillis() + " ms: "
                + (seen[0] < 0 ? "none started" : "its header covered " + seen[0] * 1000 / Signals.RATE + " ms"));
    }

    /**
     * Waits until the recording holds all of {@code signal} (as {@link SignalWatch} finds it) and then {@code after}
     * more audio: the caller's sound was recorded whole, with quiet behind it.
     */
    static void awaitHolds(Path dataDir, short[] signal, Duration after, Duration within)
            throws InterruptedException {
        long afterSamples = after.toMillis() * Signals.RATE / 1000;
        SignalWatch[] watch = {null};
        Path[] file = {null};
        int[] length = {-1};
        poll(within, () -> {
            Path newest = part(dataDir).orElse(file[0]);
            if (newest == null) {
                return false;
            }
            if (!newest.equals(file[0])) { // the first, or a newer recording than a stale one seen before
                file[0] = newest;
                watch[0] = new SignalWatch(signal, 0);
            }
            short[] soFar = soFar(file[0]);
            length[0] = soFar.length;
            int at = watch[0].find(soFar);
            return at >= 0 && soFar.length >= at + signal.length + afterSamples;
        }, () -> "the sent signal (" + signal.length * 1000 / Signals.RATE + " ms) and " + after.toMillis()
                + " ms after it in the recording: " + (file[0] == null ? "none started"
                : file[0] + " held " + length[0] * 1000L / Signals.RATE + " ms without it"));
    }

    private static void poll(Duration within, java.util.function.BooleanSupplier done,
                             java.util.function.Supplier<String> seen) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + within.toSeconds() + " s waiting for " + seen.get());
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling the file the PBX writes, not waiting for time to pass
        }
    }

    private static long written(long fileSize) {
        return Math.max(0, fileSize - WavFormat.PCM16.headerLength()) / BYTES_PER_MS;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (NoSuchFileException renamed) {
            return -1; // finished (renamed) meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long declared(Path p) {
        try {
            return Signals.declaredSamples(p);
        } catch (NoSuchFileException renamed) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static short[] soFar(Path p) {
        try {
            return Signals.readSoFar(p);
        } catch (NoSuchFileException renamed) {
            return new short[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException gone) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }
}
