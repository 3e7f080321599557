package org.carillon.platform.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app's own data folder, {@code $CARILLON_DATA_DIR/<app>} (default {@code ./data/pbx} or {@code ./data/portal}):
 * its H2 database, keys, voicemail and logs live below it.
 *
 * @param root the app's folder, absolute
 */
public record DataDirectory(Path root) {

    /**
     * Resolves and creates the folder.
     *
     * @throws InvalidSettingException when it cannot be created or written
     */
    public static DataDirectory prepare(String dataDir, String app) {
        Path root = Path.of(dataDir).toAbsolutePath().normalize().resolve(app);
        try {
            Files.createDirectories(root);
            Path probe = Files.createTempFile(root, ".probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new InvalidSettingException("CARILLON_DATA_DIR",
                    "cannot write to " + root + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        return new DataDirectory(root);
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }
}
