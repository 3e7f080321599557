package org.carillon.pbx.presence;

/**
 * Published (as a Spring event) whenever an extension's {@link ExtensionState} may have changed: the team directory
 * streams it to browsers. Listeners must not block (it is published on call executors and the registrar's threads).
 */
public record PresenceChanged(long tenantId, String number, ExtensionState state) {
}
