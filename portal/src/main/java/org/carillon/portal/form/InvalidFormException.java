package org.carillon.portal.form;

/** A service refused a form's values; the controller shows the form again with the errors beside the fields. */
public class InvalidFormException extends RuntimeException {
    private final transient FieldErrors errors;

    public InvalidFormException(FieldErrors errors) {
        super("invalid form: " + errors.all().keySet(), null, false, false);
        this.errors = errors;
    }

    public static InvalidFormException of(String field, String message) {
        return new InvalidFormException(new FieldErrors().add(field, message));
    }

    public FieldErrors errors() {
        return errors;
    }
}
