package org.carillon.pbx.call;

import java.time.Duration;

/**
 * The forwarding used when no {@link CallForwarding} bean exists (before call profiles): ring for
 * {@code CARILLON_CALL_NO_ANSWER_SECONDS}, then — and at once when busy or unregistered — the callee's voicemail.
 * Stateless; thread-safe.
 */
record DefaultCallForwarding(Duration ringFor) implements CallForwarding {

    @Override
    public Rule ruleFor(Request request) {
        Destination voicemail = new Destination(Destination.Type.VOICEMAIL, request.callee());
        return new Rule(ringFor, voicemail, voicemail, voicemail, "default");
    }
}
