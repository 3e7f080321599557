package org.carillon.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThat(policy.check("short-pass1", "a@b.c")).contains("Use at least 12 characters.");
    }

    @Test
    void acceptsTwelveToOneHundredTwentyEightCharactersWithoutCompositionRules() {
        assertThat(policy.check("all lower case words", "a@b.c")).isEmpty();
        assertThat(policy.check("x".repeat(127) + "y", "a@b.c")).isEmpty();
        assertThat(policy.check("x".repeat(128) + "y", "a@b.c")).contains("Use at most 128 characters.");
    }

    @Test
    void countsCharactersNotBytes() {
        assertThat(policy.check("ééééééééééé", "a@b.c")).isPresent(); // 11 characters, 22 bytes
        assertThat(policy.check("éééééééééééa", "a@b.c")).isEmpty();
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(policy.check("Password1234", "a@b.c")).contains("This password is too common; choose another.");
        assertThat(policy.check("QWERTYUIOP123", "a@b.c")).isPresent();
    }

    @Test
    void refusesTheEmailAndSingleRepeatedCharacters() {
        assertThat(policy.check("someone@example.com", "Someone@Example.com")).isPresent();
        assertThat(policy.check("zzzzzzzzzzzzzz", "a@b.c")).isPresent();
    }
}
