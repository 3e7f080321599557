package org.carillon.pbx.presence;

import java.util.Optional;

/**
 * A watchable resource that is not an extension: an agent's state or whether one of an extension's call profiles is
 * active. Its resource key ({@code agent:1001}, {@code profile:1001:2}) is what {@code ResourceChanged} names; it can
 * never be an extension number (those are digits).
 *
 * @param kind      what is watched
 * @param extension the agent's, or the profile owner's, extension number
 * @param position  the profile's position ({@code *76<position>}); 0 for agent lamps
 */
record Lamp(Kind kind, String extension, int position) {

    enum Kind {
        AGENT, PROFILE
    }

    static Lamp agent(String extension) {
        return new Lamp(Kind.AGENT, extension, 0);
    }

    static Lamp profile(String extension, int position) {
        return new Lamp(Kind.PROFILE, extension, position);
    }

    String key() {
        return kind == Kind.AGENT ? "agent:" + extension : "profile:" + extension + ":" + position;
    }

    /** The lamp a resource key names; empty for extension numbers and anything else. */
    static Optional<Lamp> parse(String key) {
        String[] parts = key.split(":", -1);
        try {
            if (parts.length == 2 && parts[0].equals("agent")) {
                return Optional.of(agent(parts[1]));
            }
            if (parts.length == 3 && parts[0].equals("profile")) {
                return Optional.of(profile(parts[1], Integer.parseInt(parts[2])));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * What a lamp shows, rendered by both event packages.
     *
     * @param busy     dialog package: {@code confirmed} (lit) when true, else {@code terminated} (idle)
     * @param open     PIDF {@code basic}
     * @param activity an RFC 4480 activity element name ({@code busy}, {@code away}, {@code on-the-phone}) or empty
     * @param note     the words shown ({@code On break: lunch}), also the dialog's local display name
     */
    record Shown(boolean busy, boolean open, String activity, String note) {
    }
}
