package org.carillon.licensekey.file;

/**
 * What a license allows, enforced by the PBX when something is created (never by cutting live calls).
 * Counts are non-negative; {@link #UNLIMITED} means no cap.
 *
 * @param extensions      extensions that may exist
 * @param concurrentCalls calls that may be up at once
 * @param tenants         tenants that may exist
 */
public record Limits(int extensions, int concurrentCalls, int tenants) {

    /** The value that means "no cap". */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** @throws IllegalArgumentException if a count is negative */
    public Limits {
        if (extensions < 0 || concurrentCalls < 0 || tenants < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }

    /** Whether one more extension may be created when {@code existing} already exist. */
    public boolean allowsAnotherExtension(int existing) {
        return extensions == UNLIMITED || existing < extensions;
    }
}
