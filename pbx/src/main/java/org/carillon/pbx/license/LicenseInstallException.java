package org.carillon.pbx.license;

/** A license file was refused; the message says why in words for the Owner (never key material). */
public final class LicenseInstallException extends RuntimeException {
    public LicenseInstallException(String message) {
        super(message);
    }
}
