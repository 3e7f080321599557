package org.carillon.pbx.profile;

/**
 * Published (Spring event, synchronously, after the change is stored) whenever an extension's active call profile
 * changes: from the web or the API, by {@code *76}, automatically by office hours, or because the active custom
 * profile was deleted. Presence listens to show the profile; nothing here calls presence.
 *
 * @param tenantId  the tenant
 * @param extension the extension's number
 * @param active    the name of the profile now active ({@code available}, {@code busy}, {@code away} or a custom name)
 */
public record ProfileChanged(long tenantId, String extension, String active) {
}
