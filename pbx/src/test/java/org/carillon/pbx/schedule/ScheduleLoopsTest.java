package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Loop detection over schedule actions and team members (issue 12: extension → team → extension). */
class ScheduleLoopsTest {
    private static final Destination VM = new Destination(Destination.Type.VOICEMAIL, "");

    @Test
    void anExtensionSentToATeamItIsAMemberOfIsALoop() {
        var actions = Map.of(
                "1001", List.of(new Destination(Destination.Type.TEAM, "600"), VM),
                "1002", List.of(VM, VM));
        var loop = ScheduleLoops.find(actions, team -> team.equals("600") ? List.of("1002", "1001") : List.of());
        assertThat(loop.map(ScheduleLoops::describe)).contains("1001 → team 600 → 1001");
    }

    @Test
    void chainsThatEndSomewhereElseAreFine() {
        var actions = Map.of(
                "1001", List.of(Destination.extension("1002"), new Destination(Destination.Type.TEAM, "600")),
                "1002", List.of(Destination.extension("1003"), VM),
                "1003", List.of(VM, new Destination(Destination.Type.EXTERNAL, "+4930123456")));
        assertThat(ScheduleLoops.find(actions, team -> List.of("1003"))).isEmpty();
    }

    @Test
    void longerLoopsAndSelfLoopsAreNamedFromWhereTheyCloseIn() {
        var chain = Map.of(
                "1001", List.of(Destination.extension("1002"), VM),
                "1002", List.of(VM, Destination.extension("1003")),
                "1003", List.of(Destination.extension("1002"), VM));
        assertThat(ScheduleLoops.find(chain, t -> List.of()).map(ScheduleLoops::describe))
                .contains("1002 → 1003 → 1002");
        var self = Map.of("1000", List.of(Destination.extension("1000"), VM));
        assertThat(ScheduleLoops.find(self, t -> List.of()).map(ScheduleLoops::describe)).contains("1000 → 1000");
    }

    @Test
    void aLoopThroughTheSavedExtensionIsFoundAndOneElsewhereIsNotItsConcern() {
        var actions = Map.of(
                "1001", List.of(Destination.extension("1002"), VM),
                "1002", List.of(new Destination(Destination.Type.TEAM, "600")),
                "1003", List.of(Destination.extension("1004")),
                "1004", List.of(Destination.extension("1003")));
        var members = (java.util.function.Function<String, List<String>>) t -> List.of("1001");
        assertThat(ScheduleLoops.findThrough("1001", actions, members).map(ScheduleLoops::describe))
                .contains("1001 → 1002 → team 600 → 1001");
        assertThat(ScheduleLoops.findThrough("1002", actions, members).map(ScheduleLoops::describe))
                .contains("1002 → team 600 → 1001 → 1002");
        assertThat(ScheduleLoops.findThrough("1005", Map.of("1005", List.of(Destination.extension("1003"))), members))
                .isEmpty();
        assertThat(ScheduleLoops.findThrough("1000", Map.of("1000", List.of(Destination.extension("1000"))), members)
                .map(ScheduleLoops::describe)).contains("1000 → 1000");
    }
}
