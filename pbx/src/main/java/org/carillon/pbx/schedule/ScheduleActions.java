package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;

/**
 * Destinations with a meaning relative to the called extension. A voicemail action with an empty target means "the
 * called extension's own mailbox" so that one global action serves every extension.
 */
public final class ScheduleActions {
    /** Voicemail of whichever extension was called. */
    public static final Destination OWN_VOICEMAIL = new Destination(Destination.Type.VOICEMAIL, "");

    private ScheduleActions() {
    }

    /** {@code action} with "own" targets filled in for the called {@code extension}. */
    public static Destination resolve(Destination action, String extension) {
        if (action.type() == Destination.Type.VOICEMAIL && action.target().isEmpty()) {
            return new Destination(Destination.Type.VOICEMAIL, extension);
        }
        return action;
    }
}
