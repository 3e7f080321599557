package org.carillon.pbx.call;

import java.util.List;
import java.util.Optional;

/**
 * The music-on-hold sources a feature (a team's queue, a parking lot) can pick for its callers. Today the PBX has one,
 * the media module's built-in clip ({@value #BUILT_IN}), which {@link CallMedia#musicOnHold()} plays; uploaded
 * sources per tenant would be listed here.
 *
 * <p>Threads: thread-safe (stateless).
 */
public final class MusicOnHold {
    /** The built-in music on hold, every tenant's default. */
    public static final String BUILT_IN = "default";

    private MusicOnHold() {
    }

    /** The sources the tenant's features may choose from, the default first. */
    public static List<String> sources(long tenantId) {
        return List.of(BUILT_IN);
    }

    /** {@code source} as saved: blank means the default. */
    public static String normalised(String source) {
        return source == null || source.isBlank() ? BUILT_IN : source.strip();
    }

    /** Why {@code source} (normalised) cannot be chosen in the tenant, if it cannot. */
    public static Optional<String> problem(long tenantId, String source) {
        return sources(tenantId).contains(source) ? Optional.empty()
                : Optional.of("Only the built-in music on hold (default) exists for now.");
    }
}
