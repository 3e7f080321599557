package org.carillon.pbx.routing;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NumberPlanTest {
    private final NumberPlan plan = NumberPlan.defaults((tenant, number) -> tenant == 1 && Set.of("1001", "2000")
            .contains(number));

    private Destination route(String dialled) {
        return plan.route(new RouteRequest(dialled, "1000", 1, Instant.parse("2026-11-26T12:00:00Z")));
    }

    @Test
    void anExistingExtensionIsRungAndSeparatorsAreIgnored() {
        assertThat(route("1001")).isEqualTo(Destination.extension("1001"));
        assertThat(route("20-00")).isEqualTo(Destination.extension("2000"));
    }

    @Test
    void aNumberOfTheExtensionRangeThatDoesNotExistGetsTheUnknownNumberPrompt() {
        assertThat(route("1002").type()).isEqualTo(Destination.Type.PROMPT);
        assertThat(route("1002").target()).isEqualTo("unknown-number");
    }

    @Test
    void numbersOutsideThePlanGetTheUnknownNumberPrompt() {
        assertThat(route("999").type()).isEqualTo(Destination.Type.PROMPT);
        assertThat(route("9000").type()).isEqualTo(Destination.Type.PROMPT);
        assertThat(route("0123").type()).isEqualTo(Destination.Type.PROMPT);
        assertThat(route("abc").type()).isEqualTo(Destination.Type.PROMPT);
    }

    @Test
    void starEightIsGroupPickupAndStarStarExtensionIsDirectedPickup() {
        assertThat(route("*8")).isEqualTo(Destination.pickup(""));
        assertThat(route("**1001")).isEqualTo(Destination.pickup("1001"));
    }

    @Test
    void extensionsOfAnotherTenantAreNotReachable() {
        var other = plan.route(new RouteRequest("1001", "1000", 2, Instant.EPOCH));
        assertThat(other.type()).isEqualTo(Destination.Type.PROMPT);
    }
}
