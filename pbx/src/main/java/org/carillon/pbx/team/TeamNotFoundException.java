package org.carillon.pbx.team;

/** No such team (or agent) in the caller's tenant: 404. */
public class TeamNotFoundException extends RuntimeException {
    public TeamNotFoundException(String message) {
        super(message);
    }
}
