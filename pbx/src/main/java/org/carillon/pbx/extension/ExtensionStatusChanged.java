package org.carillon.pbx.extension;

/**
 * Published (as a Spring application event) whenever an extension's status changes; the admin list follows it over
 * server-sent events.
 */
public record ExtensionStatusChanged(long tenantId, long extensionId, String number, ExtensionStatus status) {
}
