package org.carillon.pbx.presence;

import java.time.Instant;
import java.util.Optional;

/**
 * A further kind of resource the {@code dialog} package serves besides extensions (a parking slot's lamp): a feature
 * declares a Spring bean implementing it, and publishes a {@code ResourceChanged} of the {@code dialog} package when
 * one of its lamps changes. The body follows the same rules as an extension's (always one {@code <dialog>}).
 *
 * <p>Threads: thread-safe, non-blocking (called while building NOTIFYs).
 */
public interface DialogLampSource {

    /** Whether {@code resource} (a SUBSCRIBE's Request-URI user) is one of this source's lamps in the tenant. */
    boolean serves(long tenantId, String resource);

    /** The dialog the lamp shows now; empty when idle ({@code terminated}). */
    Optional<Lamp> dialog(long tenantId, String resource);

    /**
     * An occupied lamp's dialog: {@code early} makes phones flash the key; the call-id and tags are what an INVITE with
     * {@code Replaces} must name to take the call (RFC 3891).
     *
     * @param remote the extension on the other side (shown by some phones)
     */
    record Lamp(String id, String callId, String localTag, String remoteTag, boolean early, String remote,
                Instant since) {
    }
}
