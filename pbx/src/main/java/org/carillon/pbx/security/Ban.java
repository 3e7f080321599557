package org.carillon.pbx.security;

import java.time.Instant;

/**
 * A banned source address, as the admin shows it.
 *
 * @param address  the IP address, textual
 * @param until    when the ban lapses (UTC)
 * @param failures failed authentications counted in the window that caused it
 */
public record Ban(String address, Instant until, int failures) {
}
