package org.carillon.pbx.registrar;

/**
 * A tenant's registered devices at one moment.
 *
 * @param contacts   live bindings (one per registered device contact)
 * @param extensions extensions with at least one live binding
 */
public record Registered(int contacts, int extensions) {
}
