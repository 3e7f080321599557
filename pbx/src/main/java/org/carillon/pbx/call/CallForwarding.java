package org.carillon.pbx.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a call to an extension rings and where it goes when the extension does not take it. The call-profile feature
 * implements it (Available, Busy, Away, custom profiles; internal and external callers); without such a bean the
 * engine rings for {@code CARILLON_CALL_NO_ANSWER_SECONDS} and then sends the caller to the extension's voicemail.
 *
 * <p>Threads: thread-safe and non-blocking (called on a call's executor, once per ringing of an extension).
 */
@FunctionalInterface
public interface CallForwarding {

    Rule ruleFor(Request request);

    /**
     * @param tenantId the tenant of the called extension
     * @param callee   the called extension's number
     * @param caller   the caller's number (an extension, or an external number once trunks exist)
     * @param internal whether the caller is an extension of the same tenant
     * @param at       when the call arrived
     */
    record Request(long tenantId, String callee, String caller, boolean internal, Instant at) {
        public Request {
            Objects.requireNonNull(callee, "callee");
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * @param ringFor        how long the extension's devices ring; {@link Duration#ZERO} means not at all (straight to
     *                       {@code onNoAnswer})
     * @param onNoAnswer     where the caller goes when nobody answers in time
     * @param onBusy         where the caller goes when the extension is busy (486/600 from its devices)
     * @param onUnregistered where the caller goes when no device of the extension is registered
     * @param reason         why this rule applies, kept in the call history ("profile Away", "default")
     */
    record Rule(Duration ringFor, Destination onNoAnswer, Destination onBusy, Destination onUnregistered,
                String reason) {
        public Rule {
            Objects.requireNonNull(ringFor, "ringFor");
            Objects.requireNonNull(onNoAnswer, "onNoAnswer");
            Objects.requireNonNull(onBusy, "onBusy");
            Objects.requireNonNull(onUnregistered, "onUnregistered");
            Objects.requireNonNull(reason, "reason");
            if (ringFor.isNegative()) {
                throw new IllegalArgumentException("ringFor must not be negative");
            }
        }
    }
}
