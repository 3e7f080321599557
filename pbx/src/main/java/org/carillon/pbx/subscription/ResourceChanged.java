package org.carillon.pbx.subscription;

/**
 * Published (as a Spring application event) by a feature whose {@link EventPackage} resource changed state; every
 * subscription to it then gets a NOTIFY with the state current when the NOTIFY is built (changes arriving close
 * together are coalesced, so a watcher's last NOTIFY always carries the final state).
 *
 * @param event    the package name ({@code "dialog"})
 * @param resource the resource key the package returned from {@link EventPackage#resource}
 */
public record ResourceChanged(long tenantId, String event, String resource) {
}
