package org.carillon.pbx.routing;

import java.util.Optional;
import java.util.Set;

/**
 * What routing needs from the speed-dial feature (which implements it, so routing never depends on it).
 *
 * <p>Threads: thread-safe, non-blocking (answers from memory).
 */
public interface SpeedDialLookup {

    /** The number {@code code} stands for, for {@code caller}: the caller's personal code first, then the system's. */
    Optional<String> find(long tenantId, String caller, String code);

    /** Every speed-dial code in use in the tenant (system and personal), for clash checks when the prefix changes. */
    Set<String> codes(long tenantId);
}
