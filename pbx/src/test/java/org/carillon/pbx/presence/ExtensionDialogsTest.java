package org.carillon.pbx.presence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One extension's dialogs kept by call with their state counts (issue 6, the call benchmark's busy callee). */
class ExtensionDialogsTest {

    private static DialogLeg leg(String id, boolean initiator, DialogLeg.State state, long second) {
        return new DialogLeg(id, id + "@host", "l", "r", initiator, state, "1000", Instant.ofEpochSecond(second));
    }

    @Test
    void theStateFollowsTheCountsAsCallsComeChangeAndGo() {
        var d = new ExtensionDialogs();
        assertThat(d.state()).isEmpty();
        assertThat(d.replace("a", Optional.of(leg("a", true, DialogLeg.State.EARLY, 1)))).isTrue();
        assertThat(d.state()).contains(ExtensionState.IN_CALL); // dialling out: busy
        assertThat(d.replace("b", Optional.of(leg("b", false, DialogLeg.State.EARLY, 2)))).isTrue();
        assertThat(d.state()).contains(ExtensionState.RINGING);
        assertThat(d.replace("b", Optional.of(leg("b", false, DialogLeg.State.HELD, 2)))).isTrue();
        assertThat(d.state()).contains(ExtensionState.ON_HOLD);
        assertThat(d.replace("a", Optional.of(leg("a", true, DialogLeg.State.CONFIRMED, 1)))).isTrue();
        assertThat(d.state()).contains(ExtensionState.IN_CALL);
        assertThat(d.replace("a", Optional.empty())).isTrue();
        assertThat(d.state()).contains(ExtensionState.ON_HOLD);
        assertThat(d.replace("b", Optional.empty())).isTrue();
        assertThat(d.state()).isEmpty();
        assertThat(d.isEmpty()).isTrue();
    }

    @Test
    void anUnchangedLegOrTheRemovalOfAnUnknownCallIsNoChange() {
        var d = new ExtensionDialogs();
        d.replace("a", Optional.of(leg("a", true, DialogLeg.State.EARLY, 1)));
        assertThat(d.replace("a", Optional.of(leg("a", true, DialogLeg.State.EARLY, 1)))).isFalse();
        assertThat(d.replace("x", Optional.empty())).isFalse();
        assertThat(d.state()).contains(ExtensionState.IN_CALL);
    }

    @Test
    void theListIsOldestFirstThenByIdAndFollowsChanges() {
        var d = new ExtensionDialogs();
        d.replace("c", Optional.of(leg("c", false, DialogLeg.State.EARLY, 5)));
        d.replace("b", Optional.of(leg("b", false, DialogLeg.State.EARLY, 3)));
        d.replace("a", Optional.of(leg("a", false, DialogLeg.State.EARLY, 5)));
        assertThat(d.list()).extracting(DialogLeg::id).containsExactly("b", "a", "c");
        d.replace("b", Optional.empty());
        assertThat(d.list()).extracting(DialogLeg::id).containsExactly("a", "c");
    }
}
