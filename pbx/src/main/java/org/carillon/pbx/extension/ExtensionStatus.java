package org.carillon.pbx.extension;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The status of an extension as CONTRACTS.md names it. The registrar decides the first three; the call states
 * ({@code ringing}, {@code in_call}, {@code on_hold}) and {@code unavailable} come with calls and agent status.
 *
 * <p>Transitions: UNREGISTERED → READY (a binding is added); READY ↔ UNREACHABLE (keep-alive fails / answers
 * again); any → UNREGISTERED (the last binding expires or is removed).
 */
public enum ExtensionStatus {
    UNREGISTERED, UNREACHABLE, READY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words shown in the admin. */
    public String label() {
        return switch (this) {
            case UNREGISTERED -> "Unregistered";
            case UNREACHABLE -> "Registered, unreachable";
            case READY -> "Ready";
        };
    }
}
