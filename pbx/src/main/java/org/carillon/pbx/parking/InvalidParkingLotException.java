package org.carillon.pbx.parking;

import org.carillon.platform.web.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parking lot refused on save; each error names its field ({@code parkNumber}, {@code firstSlot}, {@code fallback.type}…). */
public class InvalidParkingLotException extends RuntimeException {
    private final List<ApiProblem.FieldError> errors;

    public InvalidParkingLotException(List<ApiProblem.FieldError> errors) {
        super(errors.getFirst().field() + ": " + errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    public List<ApiProblem.FieldError> errors() {
        return errors;
    }

    /** The first message of each field, for a form. */
    public Map<String, String> byField() {
        Map<String, String> m = new LinkedHashMap<>();
        errors.forEach(e -> m.putIfAbsent(e.field(), e.message()));
        return m;
    }
}
