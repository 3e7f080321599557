package org.carillon.portal.activation;

import java.time.Instant;

/**
 * A signed license file as handed to a PBX.
 *
 * @param license   the armoured file text
 * @param licenseId the id inside the file
 * @param expiresAt when the file itself must be refreshed
 */
public record IssuedFile(String license, String licenseId, Instant expiresAt) {
}
