package org.carillon.pbx.extension;

/**
 * Published (as a Spring application event) when the number of registered devices of an extension changes while its
 * status does not (a second phone registers, one of two unregisters or lapses): pages that count devices (the
 * dashboard) follow it over the same server-sent event stream as {@link ExtensionStatusChanged}.
 */
public record DeviceCountChanged(long tenantId, long extensionId, String number, ExtensionStatus status) {
}
