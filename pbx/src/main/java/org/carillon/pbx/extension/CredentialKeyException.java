package org.carillon.pbx.extension;

/** The credential key file cannot open a stored SIP password (wrong or replaced key file). */
public class CredentialKeyException extends RuntimeException {
    public CredentialKeyException(String message) {
        super(message);
    }
}
