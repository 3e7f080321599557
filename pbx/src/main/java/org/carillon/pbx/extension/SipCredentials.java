package org.carillon.pbx.extension;

import java.security.SecureRandom;

/**
 * A device's digest credentials. Both parts are generated, never typed by a person (SPEC §1: "opaque and strong").
 *
 * @param username 16 characters of {@code [a-z0-9]} (~80 bits): unrelated to the extension number
 * @param password 20 characters from a 54-letter alphabet without look-alikes (~115 bits)
 */
public record SipCredentials(String username, String password) {
    private static final char[] USER = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] PASS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** New random credentials. */
    public static SipCredentials generate() {
        return new SipCredentials(random(USER, 16), random(PASS, 20));
    }

    /** A new password for an existing username. */
    public SipCredentials withNewPassword() {
        return new SipCredentials(username, random(PASS, 20));
    }

    private static String random(char[] alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        // a letter first: some phones mis-handle usernames that start with a digit
        sb.append(alphabet[RANDOM.nextInt(26)]);
        for (int i = 1; i < length; i++) {
            sb.append(alphabet[RANDOM.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "SipCredentials[" + username + ", ****]";
    }
}
