package org.carillon.pbx.parking;

import org.carillon.platform.web.ApiProblem;
import org.carillon.platform.web.InvalidFieldsException;

import java.util.List;

/** A parking lot refused on save; each error names its field ({@code parkNumber}, {@code firstSlot}, {@code fallback.type}…). */
public class InvalidParkingLotException extends InvalidFieldsException {
    public InvalidParkingLotException(List<ApiProblem.FieldError> errors) {
        super(errors);
    }

    public InvalidParkingLotException(String field, String message) {
        super(field, message);
    }
}
