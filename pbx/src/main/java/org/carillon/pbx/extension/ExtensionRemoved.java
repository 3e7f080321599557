package org.carillon.pbx.extension;

/** Published after an extension was deleted (its bindings go with it). */
public record ExtensionRemoved(long tenantId, long extensionId, String number) {
}
