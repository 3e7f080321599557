package org.carillon.pbx.subscription;

/**
 * The authenticated device behind a subscription: its extension in its tenant. Watchers only ever see resources of
 * their own tenant (SECURITY.md: multi-tenant).
 *
 * @param number the watcher's own extension number
 */
public record Watcher(long tenantId, long extensionId, String number) {
}
