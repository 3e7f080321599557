package org.carillon.licensekey.file;

/** Thrown by {@link Verification#require()} for a refused file. */
public final class LicenseRejectedException extends RuntimeException {

    private final Rejection reason;

    public LicenseRejectedException(Rejection reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the file was refused. */
    public Rejection reason() {
        return reason;
    }
}
