package org.carillon.pbx.license;

/** Creating something would go beyond what the license allows; the message names the license and its limit. */
public final class LicenseLimitException extends RuntimeException {
    public LicenseLimitException(String message) {
        super(message);
    }
}
