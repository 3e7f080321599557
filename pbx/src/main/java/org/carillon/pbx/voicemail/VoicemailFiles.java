package org.carillon.pbx.voicemail;

import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavWriter;
import org.carillon.platform.settings.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Voicemail audio on disk: {@code data/pbx/voicemail/<tenant id>/<extension id>/<message id>.wav} and
 * {@code greeting-<kind>.wav} beside them. Every file is written as {@code <name>.part} and renamed when complete
 * ({@link WavWriter}), so a reader never sees half a file. At start-up {@link #sweep} removes what a crash left:
 * {@code .part} files (a recording cut off by the crash: its message is cleanly absent) and message files without a
 * row (the crash came between the rename and the row's commit).
 *
 * <p>Threads: thread-safe; blocking file I/O (virtual threads, web requests).
 */
@Component
public class VoicemailFiles {
    private static final Logger log = LoggerFactory.getLogger(VoicemailFiles.class);

    private final Path root;

    public VoicemailFiles(DataDirectory data) {
        this.root = data.resolve("voicemail");
    }

    /** The folder of a mailbox, created if missing. @throws UncheckedIOException if it cannot be created */
    Path folder(Mailbox box) {
        Path dir = root.resolve(Long.toString(box.tenantId())).resolve(Long.toString(box.extensionId()));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path message(Mailbox box, String id) {
        return folder(box).resolve(id + ".wav");
    }

    Path greeting(Mailbox box, Greeting kind) {
        return folder(box).resolve("greeting-" + kind.wire() + ".wav");
    }

    /** A recorded greeting, if any. Creates nothing, so a storage problem never stops a caller hearing a greeting. */
    Optional<Path> existingGreeting(Mailbox box, Greeting kind) {
        Path p = root.resolve(Long.toString(box.tenantId())).resolve(Long.toString(box.extensionId()))
                .resolve("greeting-" + kind.wire() + ".wav");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Writes {@code samples} as a PCM16 WAV at {@code target} (via its .part name and a rename). */
    void write(Path target, short[] samples) {
        WavWriter w = WavWriter.create(target, WavFormat.PCM16);
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        w.write(b.array(), 0, b.position());
        w.close();
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("voicemail file {} not deleted: {}", file, e.toString());
        }
    }

    /** Deletes a mailbox's folder and everything in it. */
    void removeMailbox(long tenantId, long extensionId) {
        Path dir = root.resolve(Long.toString(tenantId)).resolve(Long.toString(extensionId));
        if (Files.isDirectory(dir)) {
            try {
                deleteTree(dir);
            } catch (IOException e) {
                log.warn("voicemail: folder {} not removed: {}", dir, e.toString());
            }
        }
    }

    /**
     * Removes the leftovers of a crash and of deleted extensions. Returns message ids whose file is missing (their
     * rows are removed by the caller).
     *
     * @param knownIds   ids of the message rows
     * @param extensions ids of the extensions that exist
     */
    Set<String> sweep(Set<String> knownIds, Set<Long> extensions) {
        Set<String> present = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> tenants = Files.list(root)) {
            for (Path tenant : tenants.toList()) {
                for (Path box : list(tenant)) {
                    if (!extensions.contains(parse(box))) {
                        log.info("voicemail: removing {} (its extension was deleted)", box);
                        deleteTree(box);
                        continue;
                    }
                    for (Path f : list(box)) {
                        String name = f.getFileName().toString();
                        if (name.endsWith(".part")) {
                            log.warn("voicemail: removing {} left by an interrupted recording", f);
                            delete(f);
                        } else if (name.endsWith(".wav") && !name.startsWith("greeting-")) {
                            String id = name.substring(0, name.length() - 4);
                            if (knownIds.contains(id)) {
                                present.add(id);
                            } else {
                                log.warn("voicemail: removing {} (no message row: the save was interrupted)", f);
                                delete(f);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("voicemail: sweep of {} incomplete: {}", root, e.toString());
        }
        Set<String> missing = new HashSet<>(knownIds);
        missing.removeAll(present);
        return missing;
    }

    private static long parse(Path dir) {
        try {
            return Long.parseLong(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(this::delete);
        }
    }
}
