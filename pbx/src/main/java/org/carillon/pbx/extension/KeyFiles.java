package org.carillon.pbx.extension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Secret key files under {@code <data>/pbx/keys/} (folder mode 700, files mode 600): created with random bytes on
 * first use, written to a temporary file and moved into place so a crash never leaves half a key.
 */
public final class KeyFiles {
    private KeyFiles() {
    }

    /**
     * The key in {@code file}, creating it with {@code length} random bytes when absent.
     *
     * @throws UncheckedIOException when the file cannot be read or created
     */
    public static byte[] loadOrCreate(Path file, int length) {
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.exists(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(dir);
                }
            }
            byte[] key = new byte[length];
            new SecureRandom().nextBytes(key);
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp);
            }
            Files.write(tmp, key, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + file, e);
        }
    }
}
