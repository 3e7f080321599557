package org.carillon.sip.auth;

/**
 * The result of checking credentials.
 *
 * @param outcome  what to do with the request
 * @param username the user name the credentials claimed (for logs and lockout counting)
 * @param reason   why it was not accepted, for logs ("" when accepted); never sent to the peer
 */
public record Verification(Outcome outcome, String username, String reason) {
    /** What the server does next. */
    public enum Outcome {
        /** The request is authenticated. */
        ACCEPTED,
        /** Right credentials, expired nonce: challenge again with {@code stale=true}. */
        STALE,
        /** Wrong, replayed or unusable credentials: challenge again (and count a failure). */
        REJECTED
    }

    /** Whether the request is authenticated. */
    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    static Verification accepted(String username) {
        return new Verification(Outcome.ACCEPTED, username, "");
    }

    static Verification stale(String username) {
        return new Verification(Outcome.STALE, username, "nonce expired");
    }

    static Verification rejected(String username, String reason) {
        return new Verification(Outcome.REJECTED, username, reason);
    }
}
