package org.carillon.pbx.routing;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;
import org.carillon.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The clash rules of feature codes and speed-dial codes (SPEC §2.8, §2.10), without a database. */
class FeatureCodeRulesTest {

    private static Map<Feature, String> defaults() {
        Map<Feature, String> m = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            m.put(f, f.defaultCode());
        }
        return m;
    }

    private static Map<String, String> problems(Map<Feature, String> codes, List<String> speedDials) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (ApiProblem.FieldError e : FeatureCodeService.problems(defaults(), codes, speedDials)) {
            out.put(e.field(), e.message());
        }
        return out;
    }

    @Test
    void theDefaultsAreFreeOfClashes() {
        assertThat(problems(defaults(), List.of("1", "25"))).isEmpty();
    }

    @Test
    void twoFeaturesSharingACodeAreRefusedNamingTheOther() {
        var codes = defaults();
        codes.put(Feature.AGENT_BREAK, "*8");
        assertThat(problems(codes, List.of())).containsOnlyKeys("agent_break")
                .containsEntry("agent_break", "*8 is already the group pickup code.");
    }

    @Test
    void aCodeStartingWithAPrefixCodeIsAmbiguous() {
        var codes = defaults();
        codes.put(Feature.VOICEMAIL_OWN, "*05");
        assertThat(problems(codes, List.of()).get("voicemail_own")).contains("starts with *0")
                .contains("speed dial");
    }

    @Test
    void aMalformedCodeIsRefused() {
        var codes = defaults();
        codes.put(Feature.GROUP_PICKUP, "8");
        assertThat(problems(codes, List.of())).containsKey("group_pickup");
    }

    @Test
    void movingTheSpeedDialPrefixOntoAnotherCodeIsRefused() {
        var codes = defaults();
        codes.put(Feature.SPEED_DIAL, "*9");
        codes.put(Feature.VOICEMAIL_OWN, "*91");
        assertThat(problems(codes, List.of("1"))).containsKey("voicemail_own");
    }

    @Test
    void speedDialCodesMayNotBeNumbersOfThePlan() {
        var service = new FeatureCodeService(null, null, null, new StaticListableBeanFactory()
                .getBeanProvider(ParkingLotLookup.class));
        assertThat(service.numberPlanClash(1, "700")).contains("700 is the park number.");
        assertThat(service.numberPlanClash(1, "705")).get().asString().contains("parking slot");
        assertThat(service.numberPlanClash(1, "650")).get().asString().contains("team range");
        assertThat(service.numberPlanClash(1, "12")).isEmpty();
    }

    @Test
    void speedDialCodesMayNotBeTheNumbersOfAnyParkingLot() {
        ParkingLotLookup lots = new ParkingLotLookup() {
            @Override
            public boolean isParkNumber(long tenantId, String number) {
                return number.equals("75");
            }

            @Override
            public boolean isSlot(long tenantId, String number) {
                return number.equals("76");
            }

            @Override
            public java.util.List<String> slotRanges(long tenantId) {
                return java.util.List.of("76");
            }

            @Override
            public java.util.Optional<String> reservedBy(long tenantId, String number) {
                return isParkNumber(tenantId, number) || isSlot(tenantId, number)
                        ? java.util.Optional.of(number + " is in the parking lot Back.") : java.util.Optional.empty();
            }
        };
        var factory = new StaticListableBeanFactory();
        factory.addBean("lots", lots);
        var service = new FeatureCodeService(null, null, null, factory.getBeanProvider(ParkingLotLookup.class));
        assertThat(service.numberPlanClash(1, "75")).contains("75 is in the parking lot Back.");
        assertThat(service.numberPlanClash(1, "76")).contains("76 is in the parking lot Back.");
        assertThat(service.numberPlanClash(1, "700")).as("the default lot moved away").isEmpty();
    }

    @Test
    void theRouterUsesTheTenantsOwnCodes() {
        var custom = Feature.build(f -> f == Feature.GROUP_PICKUP ? "*9" : f.defaultCode());
        var plan = new NumberPlan(NumberPlan.Ranges.defaults(), custom, new NumberPlan.Directory() {
            @Override
            public boolean extensionExists(long tenantId, String number) {
                return number.equals("1001");
            }

            @Override
            public Optional<String> speedDial(long tenantId, String caller, String code) {
                return code.equals("5") ? Optional.of("1001") : Optional.empty();
            }
        });
        assertThat(plan.route(new RouteRequest("*9", "1000", 1, Instant.EPOCH)).type())
                .isEqualTo(Destination.Type.PICKUP);
        assertThat(plan.route(new RouteRequest("*8", "1000", 1, Instant.EPOCH)).type())
                .isNotEqualTo(Destination.Type.PICKUP);
        assertThat(plan.route(new RouteRequest("*05", "1000", 1, Instant.EPOCH)))
                .isEqualTo(Destination.extension("1001"));
    }
}
