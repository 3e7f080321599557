package org.carillon.portal.order;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The license types of the Purchases page. */
public enum LineKind {
    /** A new license for one year plus extra years. */
    NEW("New license"),
    /** More years on an existing license. */
    RENEWAL("Renewal"),
    /** A bigger extension tier for the rest of an existing license's term (prorated). */
    ADD_EXTENSIONS("Add extensions"),
    /** A higher edition for the rest of an existing license's term (prorated). */
    UPGRADE("Upgrade edition");

    private final String label;

    LineKind(String label) {
        this.label = label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<LineKind> find(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
