package org.carillon.pbx.profile;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One extension's "switch profile automatically" setting (SPEC §2.4): in office hours one profile, outside them
 * another. "In office hours" is what the extension's schedule says ({@link org.carillon.pbx.schedule.Verdict#open()}),
 * so breaks, holidays and a forced-closed override count as outside. The switch happens when the phase changes; a
 * manual switch in between holds until then.
 *
 * @param extensionId      the extension
 * @param tenantId         its tenant
 * @param number           its number
 * @param officeProfileId  the profile made active when office hours begin
 * @param outsideProfileId the profile made active when they end
 * @param lastPhase        the phase whose profile was last applied; empty before the first switch
 */
public record AutoSwitch(long extensionId, long tenantId, String number, long officeProfileId, long outsideProfileId,
                         Optional<Phase> lastPhase) {

    /** In or outside office hours. */
    public enum Phase {
        OFFICE, OUTSIDE;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Phase> find(String wire) {
            return wire == null ? Optional.empty() : Optional.of(valueOf(wire.toUpperCase(Locale.ROOT)));
        }
    }

    public AutoSwitch {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(lastPhase, "lastPhase");
    }

    /**
     * The profile to make active when the schedule now says {@code now}: present only at a phase change (or before
     * the first switch). Pure.
     */
    public Optional<Long> due(Phase now) {
        if (lastPhase.filter(now::equals).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(now == Phase.OFFICE ? officeProfileId : outsideProfileId);
    }

    /** This setting after the profile of {@code phase} was applied. */
    public AutoSwitch applied(Phase phase) {
        return new AutoSwitch(extensionId, tenantId, number, officeProfileId, outsideProfileId, Optional.of(phase));
    }
}
