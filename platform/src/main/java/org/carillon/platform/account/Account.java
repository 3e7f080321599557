package org.carillon.platform.account;

import java.time.Instant;

/**
 * A person who signs in to one of the apps. The email is stored lower-case and is the login name. The role is the
 * app's own role name ({@code owner}, {@code manager}, … in the PBX; {@code staff}, {@code customer_owner}, … in the
 * portal); the platform does not interpret it beyond turning it into a Spring authority.
 *
 * @param passwordHash a {@code {argon2}…} hash, or empty when the person has not chosen a password yet
 */
public record Account(long id, String email, String passwordHash, String role, String firstName, String lastName,
                      boolean enabled, Instant createdAt, Instant updatedAt) {

    public String displayName() {
        String name = (firstName + " " + lastName).trim();
        return name.isEmpty() ? email : name;
    }
}
