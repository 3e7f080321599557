package org.carillon.platform.account;

import org.carillon.platform.settings.DataDirectory;
import org.carillon.platform.settings.Settings;
import org.carillon.platform.security.PasswordPolicy;
import org.carillon.platform.settings.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Creates the first-start account {@code owner@carillon.local} once: with {@code CARILLON_OWNER_PASSWORD} when set,
 * else with a generated password that is printed once and written to {@code data/<app>/initial-owner-password}
 * (mode 600). A later start finds the account and changes nothing.
 */
@Component
@Order(0)
public class OwnerBootstrap implements ApplicationRunner {
    public static final String OWNER_EMAIL = "owner@carillon.local";
    private static final Logger log = LoggerFactory.getLogger(OwnerBootstrap.class);
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final AccountStore accounts;
    private final PasswordEncoder encoder;
    private final Settings settings;
    private final DataDirectory dataDirectory;
    private final String ownerRole;
    private final PasswordPolicy policy;

    public OwnerBootstrap(AccountStore accounts, PasswordEncoder encoder, Settings settings,
                          DataDirectory dataDirectory, Environment environment, PasswordPolicy policy) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.ownerRole = environment.getProperty("carillon.owner.role", "owner");
        this.policy = policy;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByEmail(OWNER_EMAIL).isPresent()) {
            return;
        }
        var configured = settings.optional("CARILLON_OWNER_PASSWORD");
        String password = configured.orElseGet(OwnerBootstrap::generate);
        configured.ifPresent(p -> policy.check(p, OWNER_EMAIL).ifPresent(problem -> {
            throw new InvalidSettingException("CARILLON_OWNER_PASSWORD", problem);
        }));
        accounts.create(OWNER_EMAIL, encoder.encode(password), ownerRole, "", "Owner");
        if (configured.isEmpty()) {
            Path file = dataDirectory.resolve("initial-owner-password");
            write(file, password);
            log.warn("First start: created {} with a generated password, written to {}", OWNER_EMAIL, file);
            System.out.println("carillon: first-start account " + OWNER_EMAIL + " password: " + password
                    + "  (also in " + file + ")");
        } else {
            log.info("First start: created {} with the password from CARILLON_OWNER_PASSWORD", OWNER_EMAIL);
        }
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static void write(Path file, String password) {
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
