package org.carillon.pbx.call;

import java.util.Objects;
import java.util.Optional;

/**
 * How an {@link Offer} ended.
 *
 * @param result     what happened
 * @param answeredBy the extension that answered and is now bridged with the caller (only for {@code ANSWERED})
 */
public record OfferOutcome(Result result, Optional<String> answeredBy) {

    /** The ways an offer ends (besides being cancelled, which reports nothing). */
    public enum Result {
        /** An extension answered; the caller is bridged to it and the application's part is over. */
        ANSWERED,
        /** Nobody answered within the ring time (or every device failed without a busy answer). */
        NO_ANSWER,
        /** Every ringing device refused (486 Busy Here, 600 Busy Everywhere, 603 Decline). */
        BUSY,
        /** None of the extensions exists or has a registered device: nothing rang. */
        UNREGISTERED
    }

    public OfferOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(answeredBy, "answeredBy");
    }

    static OfferOutcome of(Result result) {
        return new OfferOutcome(result, Optional.empty());
    }
}
