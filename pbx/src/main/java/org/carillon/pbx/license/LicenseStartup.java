package org.carillon.pbx.license;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Installs the file named by {@code CARILLON_LICENSE_FILE} at start-up, unless that very file is already the
 * installed one. A file that cannot be read or is refused stops start-up with one line naming the setting.
 */
@Component
public class LicenseStartup implements ApplicationRunner {
    private final LicenseService licenses;
    private final LicenseStore store;
    private final Settings settings;

    public LicenseStartup(LicenseService licenses, LicenseStore store, Settings settings) {
        this.licenses = licenses;
        this.store = store;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        var file = settings.optional("CARILLON_LICENSE_FILE");
        if (file.isEmpty()) {
            return;
        }
        String text;
        try {
            text = Files.readString(Path.of(file.get()));
        } catch (IOException | RuntimeException e) {
            throw new InvalidSettingException("CARILLON_LICENSE_FILE", "cannot read " + file.get());
        }
        if (store.current().map(c -> c.text().equals(text.trim())).orElse(false)) {
            return;
        }
        try {
            licenses.install(text, "CARILLON_LICENSE_FILE");
        } catch (LicenseInstallException e) {
            throw new InvalidSettingException("CARILLON_LICENSE_FILE", "refused: " + e.getMessage());
        }
    }
}
