package org.carillon.pbx.extension;

import java.util.List;

/**
 * What the registrar knows about an extension's devices. The registrar implements it; this package depends only on
 * the interface, so features stay acyclic (ARCHITECTURE.md).
 *
 * <p>Threads: implementations are thread-safe and never block on I/O.
 */
public interface ExtensionPresence {

    /** The current status of an extension (by its id). */
    ExtensionStatus status(long extensionId);

    /** The devices registered for it now, oldest first. */
    List<Registration> registrations(long extensionId);
}
