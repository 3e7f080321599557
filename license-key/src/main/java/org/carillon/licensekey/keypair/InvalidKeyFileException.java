package org.carillon.licensekey.keypair;

/** A key file or PEM text that does not hold the expected Ed25519 key. */
public final class InvalidKeyFileException extends IllegalArgumentException {

    InvalidKeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
