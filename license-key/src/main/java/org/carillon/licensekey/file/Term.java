package org.carillon.licensekey.file;

import java.util.Locale;

/** How long the entitlement runs. JSON values are lower snake_case ({@code subscription}, {@code perpetual}). */
public enum Term {
    /** Runs from the entitlement start to its end date, then grace, then restricted. */
    SUBSCRIPTION,
    /** Never ends; only the file's own expiry asks for a refresh. */
    PERPETUAL;

    /** The JSON value. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown value */
    public static Term fromJson(String value) {
        for (Term t : values()) {
            if (t.json().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown term \"" + value + "\"");
    }
}
