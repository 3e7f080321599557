package org.carillon.platform.security;

import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Password rules of SECURITY.md (ASVS 6.2): 12 to 128 characters, no composition rules, not on the list of common
 * passwords, not the email itself. The password is checked exactly as typed (no trimming or case folding).
 */
@Component
public class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** @return the problem in words, or empty when the password is acceptable */
    public Optional<String> check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (common.contains(folded)) {
            return Optional.of("This password is too common; choose another.");
        }
        if (Objects.equals(folded, email == null ? null : email.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not be your email address.");
        }
        if (folded.chars().distinct().count() == 1) {
            return Optional.of("This password is too easy to guess; choose another.");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        var in = PasswordPolicy.class.getResourceAsStream("/platform/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("common-passwords.txt missing from the platform jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return set;
    }
}
