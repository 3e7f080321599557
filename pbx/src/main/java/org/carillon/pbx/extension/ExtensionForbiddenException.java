package org.carillon.pbx.extension;

/** The caller's role does not allow this change (e.g. a Manager making someone an Owner): HTTP 403. */
public class ExtensionForbiddenException extends RuntimeException {
    public ExtensionForbiddenException(String message) {
        super(message);
    }
}
