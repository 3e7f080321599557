package org.carillon.pbx.schedule;

import java.util.List;

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
}
