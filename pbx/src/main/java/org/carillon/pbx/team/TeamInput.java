package org.carillon.pbx.team;

import org.carillon.pbx.call.Destination;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a user sends to create or replace a team; absent optional fields take the defaults below.
 *
 * @param number                   optional: the next free team number when empty
 * @param hours                    the team's own weekly hours ({@code {"monday": ["08:00-20:00"], …}}), only with
 *                                 office hours {@code own}; null: none
 * @param exemptFromGlobalHolidays null: false
 */
public record TeamInput(String name, Optional<String> number, Strategy strategy, List<String> members,
                        List<String> supervisors, Integer ringSeconds, Integer maxWaitSeconds, Integer wrapUpSeconds,
                        Integer announceSeconds, String musicOnHold, Integer serviceLevelSeconds,
                        Optional<Destination> overflow, String officeHours, Optional<Destination> outOfHours,
                        Map<String, List<String>> hours, Boolean exemptFromGlobalHolidays) {
    static final int DEFAULT_RING = 15;
    static final int DEFAULT_MAX_WAIT = 300;
    static final int DEFAULT_WRAP_UP = 10;
    static final int DEFAULT_SERVICE_LEVEL = 20;
}
