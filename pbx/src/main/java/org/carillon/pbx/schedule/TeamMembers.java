package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;

import java.util.List;
import java.util.Map;

/**
 * Which extensions a team rings, so that saving a schedule can see loops through teams (extension → team →
 * extension). The teams feature provides the bean; without one, teams lead nowhere.
 *
 * <p>Threads: thread-safe; may read the database (called on web request threads when a schedule is saved).
 */
@FunctionalInterface
public interface TeamMembers {

    /** The member extension numbers of team {@code team}; empty when no such team exists. */
    List<String> members(long tenantId, String team);

    /**
     * Every team of the tenant as a loop-check node ({@code "team 600"}) with where it may send a call: its members
     * (as extension destinations) and the teams its out-of-hours and overflow destinations lead to, given the tenant's
     * (proposed) Non-Office-Hours and Break-Time Actions for teams that fall back to them. Without teams: none.
     */
    default Map<String, List<Destination>> edges(long tenantId, List<Destination> tenantActions) {
        return Map.of();
    }
}
