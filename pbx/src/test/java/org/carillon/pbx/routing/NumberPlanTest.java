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
    void dialCodesLeadToTheirFeatures() {
        assertThat(route("*97")).isEqualTo(new Destination(Destination.Type.VOICEMAIL_MENU, ""));
        assertThat(route("*98")).isEqualTo(new Destination(Destination.Type.VOICEMAIL_MENU, "any"));
        assertThat(route("*45")).isEqualTo(new Destination(Destination.Type.AGENT_CODE, "login"));
        assertThat(route("*46")).isEqualTo(new Destination(Destination.Type.AGENT_CODE, "break"));
        assertThat(route("*76")).isEqualTo(new Destination(Destination.Type.PROFILE_CODE, ""));
        assertThat(route("*762")).isEqualTo(new Destination(Destination.Type.PROFILE_CODE, "2"));
        assertThat(route("*282")).isEqualTo(new Destination(Destination.Type.SCHEDULE_CODE, "2"));
        assertThat(route("*2811800")).isEqualTo(new Destination(Destination.Type.SCHEDULE_CODE, "11800"));
        assertThat(route("*99").type()).isEqualTo(Destination.Type.PROMPT);
    }

    @Test
    void parkNumberAndSlotsAreRoutedToParkingAndOnlyExistingTeamsAreRung() {
        assertThat(route("700")).isEqualTo(new Destination(Destination.Type.PARK, "700"));
        assertThat(route("705")).isEqualTo(new Destination(Destination.Type.PARK, "705"));
        assertThat(route("721").type()).isEqualTo(Destination.Type.PROMPT);
        assertThat(route("600").type()).isEqualTo(Destination.Type.PROMPT);
        NumberPlan withTeam = NumberPlan.defaults(new NumberPlan.Directory() {
            @Override
            public boolean extensionExists(long tenantId, String number) {
                return false;
            }

            @Override
            public boolean teamExists(long tenantId, String number) {
                return number.equals("600");
            }
        });
        assertThat(withTeam.route(new RouteRequest("600", "1000", 1, Instant.EPOCH)))
                .isEqualTo(new Destination(Destination.Type.TEAM, "600"));
    }

    @Test
    void aSpeedDialCodeIsRoutedAsTheNumberItStandsForButNeverTwice() {
        NumberPlan withSpeedDial = NumberPlan.defaults(new NumberPlan.Directory() {
            @Override
            public boolean extensionExists(long tenantId, String number) {
                return number.equals("1001");
            }

            @Override
            public java.util.Optional<String> speedDial(long tenantId, String caller, String code) {
                return switch (code) {
                    case "1" -> java.util.Optional.of("1001");
                    case "2" -> java.util.Optional.of("*01");
                    default -> java.util.Optional.empty();
                };
            }
        });
        assertThat(withSpeedDial.route(new RouteRequest("*01", "1000", 1, Instant.EPOCH)))
                .isEqualTo(Destination.extension("1001"));
        assertThat(withSpeedDial.route(new RouteRequest("*02", "1000", 1, Instant.EPOCH)).type())
                .isEqualTo(Destination.Type.PROMPT);
        assertThat(withSpeedDial.route(new RouteRequest("*09", "1000", 1, Instant.EPOCH)).type())
                .isEqualTo(Destination.Type.PROMPT);
    }

    @Test
    void extensionsOfAnotherTenantAreNotReachable() {
        var other = plan.route(new RouteRequest("1001", "1000", 2, Instant.EPOCH));
        assertThat(other.type()).isEqualTo(Destination.Type.PROMPT);
    }
}
