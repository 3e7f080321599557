package org.carillon.licensekey.file;

/** JSON that this module's tiny reader refuses; always turned into a {@link Rejection#MALFORMED} result. */
final class JsonException extends RuntimeException {

    JsonException(String message) {
        super(message);
    }
}
