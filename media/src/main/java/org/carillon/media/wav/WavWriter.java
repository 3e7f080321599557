package org.carillon.media.wav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a WAV file so that a crash never corrupts what was already made durable and loses at most what
 * came after the last {@link #sync}: samples go to {@code <name>.part}; {@code sync()} forces the samples to
 * disk, then patches the header's sizes to cover them and forces again, so the header never claims bytes
 * that are not on disk. A {@code .part} file left by a crash is therefore itself a valid WAV. {@link #close}
 * syncs and renames the file to its final name atomically (a reader never sees a half-written final file).
 *
 * <p>Blocking I/O: use from an I/O thread (the recorder's), never from an event loop. Not thread-safe.
 */
public final class WavWriter implements AutoCloseable {

    private final Path target;
    private final Path part;
    private final WavFormat format;
    private final FileChannel file;
    private long dataBytes;
    private long syncedBytes = -1;
    private boolean closed;

    private WavWriter(Path target, WavFormat format) throws IOException {
        this.target = target;
        this.part = partOf(target);
        this.format = format;
        this.file = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        writeFully(WavHeader.of(format, 0), 0);
    }

    /**
     * Starts {@code target}'s {@code .part} file (replacing a stale one).
     *
     * @throws UncheckedIOException if it cannot be created
     */
    public static WavWriter create(Path target, WavFormat format) {
        try {
            return new WavWriter(target, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The in-progress name of {@code target}: the same path with ".part" appended. */
    public static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** The format being written. */
    public WavFormat format() {
        return format;
    }

    /** Appends already-encoded sample bytes (in the file's format). */
    public void write(byte[] bytes, int offset, int length) {
        try {
            writeFully(ByteBuffer.wrap(bytes, offset, length), format.headerLength() + dataBytes);
            dataBytes += length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes of samples written so far. */
    public long dataBytes() {
        return dataBytes;
    }

    /** Makes everything written so far durable and covered by the header. */
    public void sync() {
        if (syncedBytes == dataBytes) {
            return;
        }
        try {
            file.force(false);
            writeFully(WavHeader.of(format, dataBytes), 0);
            file.force(false);
            syncedBytes = dataBytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Syncs, closes and atomically renames the {@code .part} file to the target name. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (file) {
            sync();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeFully(ByteBuffer b, long position) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            at += file.write(b, at);
        }
    }
}
