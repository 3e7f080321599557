package org.carillon.pbx.directory;

import org.carillon.pbx.presence.ExtensionState;

/**
 * One colleague in the team directory.
 *
 * @param status    the live state (CONTRACTS.md extension status: {@code ready}, {@code ringing}, {@code in_call}, …)
 * @param label     the status in words
 * @param favourite starred by the signed-in user
 */
public record Member(String number, String firstName, String lastName, ExtensionState status, String label,
                     boolean favourite) {

    public String name() {
        return (firstName + " " + lastName).strip();
    }
}
