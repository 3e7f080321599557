package org.carillon.pbx.profile;

/**
 * Published (Spring event, synchronously, after the change is stored) whenever an extension's active call profile
 * changes — from the web, the API or {@code *76}; presence shows the profile in the extension's PIDF and on profile BLF
 * lamps.
 *
 * @param tenantId  the tenant
 * @param extension the extension's number
 * @param active    the name of the profile now active ({@code available}, {@code busy}, {@code away} or a custom name)
 */
public record ProfileChanged(long tenantId, String extension, String active) {
}
