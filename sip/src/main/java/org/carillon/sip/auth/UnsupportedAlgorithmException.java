package org.carillon.sip.auth;

/** A challenge or credentials named a digest algorithm this stack does not implement. */
public final class UnsupportedAlgorithmException extends RuntimeException {
    private final String algorithm;

    /** @param algorithm the token as received */
    public UnsupportedAlgorithmException(String algorithm) {
        super("unsupported digest algorithm: " + algorithm);
        this.algorithm = algorithm;
    }

    /** The algorithm token as received. */
    public String algorithm() {
        return algorithm;
    }
}
