package org.carillon.portal.form;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validation errors of a page form, by field name, shown beside each field ({@code ${errors.get('email')}}).
 * Not thread-safe; one per request.
 */
public final class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public String get(String field) {
        return errors.get(field);
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public Map<String, String> all() {
        return Map.copyOf(errors);
    }

    /** Adds an error when {@code value} is blank or longer than {@code max}. */
    public FieldErrors required(String field, String value, int max, String label) {
        if (value == null || value.isBlank()) {
            add(field, label + " is required.");
        } else if (value.length() > max) {
            add(field, label + " is at most " + max + " characters.");
        }
        return this;
    }

    public FieldErrors optional(String field, String value, int max, String label) {
        if (value != null && value.length() > max) {
            add(field, label + " is at most " + max + " characters.");
        }
        return this;
    }
}
