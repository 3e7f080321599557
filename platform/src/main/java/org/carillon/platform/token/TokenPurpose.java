package org.carillon.platform.token;

import java.time.Duration;

/** What a single-use account token is for, and how long it lives (SECURITY.md). */
public enum TokenPurpose {
    /** "Forgot password" link: 30 minutes. */
    PASSWORD_RESET("password_reset", Duration.ofMinutes(30)),
    /** Invitation / email verification: the invitee sets their own password; 72 hours. */
    INVITATION("invitation", Duration.ofHours(72));

    private final String code;
    private final Duration lifetime;

    TokenPurpose(String code, Duration lifetime) {
        this.code = code;
        this.lifetime = lifetime;
    }

    public String code() {
        return code;
    }

    public Duration lifetime() {
        return lifetime;
    }
}
