package org.carillon.platform.apitoken;

import java.util.Locale;

/** What a bearer token may do: {@code read_only} (GET and HEAD only) or {@code full} (what its owner may do). */
public enum ApiTokenScope {
    READ_ONLY, FULL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but {@code read_only} or {@code full} */
    public static ApiTokenScope parse(String code) {
        return switch (code == null ? "" : code) {
            case "read_only" -> READ_ONLY;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("scope must be read_only or full");
        };
    }
}
