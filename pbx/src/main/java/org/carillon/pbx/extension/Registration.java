package org.carillon.pbx.extension;

import java.time.Instant;

/**
 * One device registered for an extension, as the API shows it.
 *
 * @param contact   the Contact URI the device registered
 * @param expiresAt when the binding lapses unless refreshed (UTC)
 * @param userAgent the device's User-Agent header, or empty
 * @param source    where the REGISTER came from, {@code transport:address:port}
 */
public record Registration(String contact, Instant expiresAt, String userAgent, String source) {
}
