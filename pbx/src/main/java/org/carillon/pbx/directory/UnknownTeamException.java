package org.carillon.pbx.directory;

/** The directory was asked to show a team the tenant does not have (HTTP 400 naming it). */
public class UnknownTeamException extends RuntimeException {
    public UnknownTeamException(String team) {
        super("There is no team " + team + ".");
    }
}
