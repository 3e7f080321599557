package org.carillon.licensekey.file;

/** The outcome of {@link LicenseVerifier#verify}: accepted with the license, or rejected with a reason. */
public sealed interface Verification {

    /**
     * The file is genuine and meets the expectations.
     *
     * @param license     the signed content
     * @param kid         the key id that signed it
     * @param development whether that key is a development key (the PBX shows a banner)
     */
    record Accepted(License license, String kid, boolean development) implements Verification {
    }

    /**
     * The file was refused.
     *
     * @param reason  the kind of failure
     * @param message a sentence for the Owner; never contains key material
     */
    record Rejected(Rejection reason, String message) implements Verification {
    }

    /** Whether the file was accepted. */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * The accepted license.
     *
     * @throws LicenseRejectedException if the file was rejected
     */
    default License require() {
        return switch (this) {
            case Accepted a -> a.license();
            case Rejected r -> throw new LicenseRejectedException(r.reason(), r.message());
        };
    }
}
