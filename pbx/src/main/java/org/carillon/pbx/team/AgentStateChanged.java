package org.carillon.pbx.team;

/**
 * Published (Spring event, synchronously, in transition order for one agent) after every agent state change; presence
 * feeds agent BLF lamps from it and the supervisor wall pushes it.
 *
 * @param tenantId  the tenant
 * @param extension the agent's extension number
 * @param state     the new state
 * @param agent     the agent after the change
 */
public record AgentStateChanged(long tenantId, String extension, AgentState state, Agent agent) {
}
