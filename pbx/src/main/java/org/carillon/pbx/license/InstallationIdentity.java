package org.carillon.pbx.license;

import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.platform.settings.DataDirectory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Who this installation is: a random id created at first start ({@code data/pbx/installation-id}) combined with
 * the machine id, hashed into the fingerprint that license files are bound to. Copying the data folder to another
 * machine changes the fingerprint, so a license moves only through the portal's rehosting.
 */
@Component
public class InstallationIdentity {
    private final String installationId;
    private final InstallationFingerprint fingerprint;

    public InstallationIdentity(DataDirectory data) {
        this.installationId = readOrCreate(data.resolve("installation-id"));
        this.fingerprint = InstallationFingerprint.of(machineId(), installationId);
    }

    public String installationId() {
        return installationId;
    }

    public InstallationFingerprint fingerprint() {
        return fingerprint;
    }

    private static String machineId() {
        for (String file : new String[]{"/etc/machine-id", "/var/lib/dbus/machine-id"}) {
            try {
                String id = Files.readString(Path.of(file), StandardCharsets.US_ASCII).trim();
                if (!id.isEmpty()) {
                    return id;
                }
            } catch (IOException | SecurityException e) {
                // try the next place
            }
        }
        return "no-machine-id";
    }

    private static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            String id = UUID.randomUUID().toString();
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
