package org.carillon.pbx.schedule;

import org.carillon.media.wav.AudioClip;
import org.carillon.media.wav.WavFormatException;
import org.carillon.media.wav.WavReader;
import org.carillon.platform.settings.DataDirectory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Holiday audio files under {@code data/pbx/holidays/<id>.wav}: 8 kHz mono WAV (16-bit PCM, µ-law or A-law), at most
 * {@value #MAX_BYTES} bytes (about a minute of 16-bit PCM, two of µ-law; also the servlet's upload limit). Written
 * to a temporary file and moved into place, so a caller never hears half an upload. Thread-safe.
 */
@Component
public class HolidayFiles {
    public static final int MAX_BYTES = 1024 * 1024;
    private final Path dir;

    public HolidayFiles(DataDirectory data) {
        this.dir = data.resolve("holidays");
    }

    /**
     * Checks and stores the audio of holiday {@code id}.
     *
     * @throws InvalidScheduleException (field {@code audio}) when it is too large or not a playable WAV
     */
    public void store(long id, byte[] wav) {
        if (wav.length == 0) {
            throw new InvalidScheduleException("audio", "is empty");
        }
        if (wav.length > MAX_BYTES) {
            throw new InvalidScheduleException("audio", "is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        try {
            if (WavReader.parse("upload", wav).samples().length == 0) {
                throw new InvalidScheduleException("audio", "holds no sound");
            }
        } catch (WavFormatException e) {
            throw new InvalidScheduleException("audio", "must be an 8 kHz mono WAV (16-bit PCM, µ-law or A-law)");
        }
        try {
            Files.createDirectories(dir);
            Path part = dir.resolve(id + ".wav.part");
            Files.write(part, wav);
            Files.move(part, file(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<byte[]> read(long id) {
        try {
            return Files.exists(file(id)) ? Optional.of(Files.readAllBytes(file(id))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded audio; empty when none was uploaded or the file is gone. */
    public Optional<AudioClip> clip(long id) {
        return Files.exists(file(id)) ? Optional.of(WavReader.read(file(id))) : Optional.empty();
    }

    public void delete(long id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(long id) {
        return dir.resolve(id + ".wav");
    }
}
