package org.carillon.pbx.extension;

import org.carillon.pbx.access.Role;
import java.time.Instant;

/**
 * An extension and its user (SPEC §2.1). The email and role live on the user's web login ({@code user_account});
 * the SIP password is never part of this record (see {@link ExtensionService#credentials}).
 *
 * @param number      the extension number, e.g. {@code "1000"}
 * @param sipUsername the digest username phones authenticate with: random, opaque, not the number
 */
public record Extension(long id, long tenantId, String number, long accountId, String email, String firstName,
                        String lastName, String mobile, Role role, String sipUsername, Instant createdAt) {

    /** First and last name, or the email when both are empty. */
    public String displayName() {
        String name = (firstName + " " + lastName).trim();
        return name.isEmpty() ? email : name;
    }
}
