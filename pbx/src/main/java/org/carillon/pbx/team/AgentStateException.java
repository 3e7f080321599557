package org.carillon.pbx.team;

/** A state change that the agent's current state does not allow, or an unknown aux code (HTTP 409 / 400). */
public class AgentStateException extends RuntimeException {
    private final String field;
    private final boolean conflict;

    /** A malformed request (400). */
    public AgentStateException(String field, String message) {
        this(field, message, false);
    }

    /** @param conflict true when the request is well formed but the agent's current state does not allow it (409) */
    public AgentStateException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }

    /** The request field at fault ({@code state} or {@code auxCode}). */
    public String field() {
        return field;
    }
}
