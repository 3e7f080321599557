package org.carillon.pbx.subscription;

/** Thrown by an {@link EventPackage} to refuse a SUBSCRIBE with a SIP {@code status} (403, 404, …). */
public class SubscriptionRefusedException extends RuntimeException {
    private final int status;

    public SubscriptionRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The SIP status code to answer (4xx–6xx). */
    public int status() {
        return status;
    }
}
