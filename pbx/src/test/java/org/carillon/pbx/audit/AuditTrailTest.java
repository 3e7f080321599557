package org.carillon.pbx.audit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a feature's object becomes the before/after of an audit line (issue 13). */
class AuditTrailTest {
    enum Kind { ROUND_ROBIN }

    record Target(String type, String target) {
    }

    record Thing(long id, long tenantId, String name, Kind kind, Optional<Target> overflow, List<String> members,
                 LocalDate day, String pinHash, boolean skipPinOnOwnDevice) {
    }

    private static Thing thing(String name, List<String> members, String pinHash) {
        return new Thing(7, 1, name, Kind.ROUND_ROBIN, Optional.of(new Target("voicemail", "")), members,
                LocalDate.of(2031, 3, 4), pinHash, true);
    }

    @Test
    void aRecordsStateHasItsFieldsAsPlainValuesWithoutDatabaseIds() {
        var state = AuditTrail.state(thing("Support", List.of("1000"), "h1"));
        assertThat(state).containsOnlyKeys("name", "kind", "overflow", "members", "day", "pinHash",
                "skipPinOnOwnDevice");
        assertThat(state.get("kind")).isEqualTo("round_robin");
        assertThat(state.get("overflow")).isEqualTo(Map.of("type", "voicemail", "target", ""));
        assertThat(state.get("day")).isEqualTo("2031-03-04");
    }

    @Test
    void anUpdateKeepsOnlyTheChangedFieldsAndSecretsAreMaskedButYesNoIsKept() {
        var change = AuditTrail.changed(AuditTrail.state(thing("Support", List.of("1000"), "h1")),
                AuditTrail.state(thing("Support", List.of("1000", "1001"), "h2")));
        assertThat(change.before()).containsOnlyKeys("members", "pinHash");
        assertThat(change.after()).containsOnlyKeys("members", "pinHash");
        String after = AuditTrail.json(change.after()).orElseThrow();
        assertThat(after).isEqualTo("{\"members\":[\"1000\",\"1001\"],\"pinHash\":\"" + AuditTrail.MASK + "\"}");
        assertThat(AuditTrail.json(AuditTrail.state(thing("S", List.of(), "h1"))).orElseThrow())
                .contains("\"skipPinOnOwnDevice\":true").doesNotContain("h1");
    }

    @Test
    void aCreationOrDeletionKeepsTheWholeState() {
        var created = AuditTrail.changed(Map.of(), AuditTrail.state(thing("Support", List.of(), "")));
        assertThat(created.before()).isEmpty();
        assertThat(created.after()).containsKey("name");
        assertThat(AuditTrail.json(created.after()).orElseThrow()).contains("\"pinHash\":\"\"");
    }
}
