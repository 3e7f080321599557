/**
 * Presence and BLF (issue 10): {@link org.carillon.pbx.presence.PresenceService} listens to registrations and calls
 * and keeps each extension's dialogs and {@link org.carillon.pbx.presence.ExtensionState}; the {@code dialog}
 * (RFC 4235) and {@code presence} (PIDF) event packages serve them to phones through the subscription framework.
 */
package org.carillon.pbx.presence;
