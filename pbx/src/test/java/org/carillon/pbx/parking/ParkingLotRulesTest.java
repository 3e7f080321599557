package org.carillon.pbx.parking;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.Router;
import org.carillon.pbx.routing.SpeedDialLookup;
import org.carillon.pbx.schedule.DestinationCheck;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A parking lot's rules without a PBX: ranges, clashes, and the slots a parked call still needs. */
class ParkingLotRulesTest {
    /** Extension 1001 and team 600 exist; speed dial 42 too. */
    private final Router router = r -> switch (r.dialled()) {
        case "1001" -> Destination.extension("1001");
        case "600" -> new Destination(Destination.Type.TEAM, "600");
        default -> Destination.unknownNumber(r.dialled());
    };
    private final ParkingLotRules rules;
    private final ParkingLot main = new ParkingLot(1, 1, "Main", "700", 701, 720, 120,
            new Destination(Destination.Type.HANGUP, ""), "default", true);

    ParkingLotRulesTest() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("speedDials", new SpeedDialLookup() {
            @Override
            public Optional<String> find(long tenantId, String caller, String code) {
                return Optional.empty();
            }

            @Override
            public Set<String> codes(long tenantId) {
                return Set.of("42");
            }
        });
        rules = new ParkingLotRules(new DestinationCheck(router, Clock.systemUTC()), router,
                beans.getBeanProvider(SpeedDialLookup.class), Clock.systemUTC());
    }

    private static ParkingLotInput input(String park, String first, String last) {
        return new ParkingLotInput("Back", park, first, last, 60, new DestinationCheck.Body("hangup", ""), null);
    }

    private String error(ParkingLotInput in, List<ParkingLot> others, List<String> parked, String field) {
        var thrown = assertThatThrownBy(() -> rules.validated(1, Optional.empty(), in, others, parked))
                .isInstanceOf(InvalidParkingLotException.class).actual();
        return ((InvalidParkingLotException) thrown).byField().get(field);
    }

    @Test
    void aValidLotTakesTheDefaultMusicAndIsNotTheDefaultLot() {
        ParkingLot lot = rules.validated(1, Optional.empty(), input("750", "751", "755"), List.of(main), List.of());
        assertThat(lot.musicOnHold()).isEqualTo("default");
        assertThat(lot.isDefault()).isFalse();
        assertThat(lot.slots()).containsExactly("751", "752", "753", "754", "755");
        assertThat(lot.owns("750")).isTrue();
        assertThat(lot.owns("756")).isFalse();
    }

    @Test
    void eachNumberOfTheLotIsCheckedAgainstExtensionsTeamsSpeedDialsAndOtherLots() {
        assertThat(error(input("1001", "751", "755"), List.of(main), List.of(), "parkNumber"))
                .isEqualTo("1001 is extension 1001.");
        assertThat(error(input("750", "598", "602"), List.of(main), List.of(), "firstSlot"))
                .isEqualTo("Slot 600 is team 600.");
        assertThat(error(input("750", "40", "45"), List.of(main), List.of(), "firstSlot"))
                .isEqualTo("Slot 42 is a speed-dial code.");
        assertThat(error(input("700", "751", "755"), List.of(main), List.of(), "parkNumber"))
                .isEqualTo("700 is the park number of the parking lot Main.");
        assertThat(error(input("750", "720", "725"), List.of(main), List.of(), "firstSlot"))
                .isEqualTo("Slot 720 is a slot of the parking lot Main (701–720).");
    }

    @Test
    void aChangedRangeMustKeepTheSlotsCallsWaitIn() {
        ParkingLot back = rules.validated(1, Optional.empty(), input("750", "751", "755"), List.of(main), List.of());
        assertThatThrownBy(() -> rules.validated(1, Optional.of(back), input("750", "751", "753"), List.of(main),
                List.of("754"))).isInstanceOf(InvalidParkingLotException.class)
                .hasMessageContaining("A call is parked in slot 754");
        ParkingLot moved = rules.validated(1, Optional.of(back), input("760", "751", "754"), List.of(main),
                List.of("754"));
        assertThat(moved.parkNumber()).as("its park number may move").isEqualTo("760");
    }

    @Test
    void exactlyAHundredSlotsAreAllowed() {
        assertThat(rules.validated(1, Optional.empty(), input("800", "801", "900"), List.of(main), List.of())
                .slots()).hasSize(100);
        assertThat(error(input("800", "801", "901"), List.of(main), List.of(), "lastSlot"))
                .isEqualTo("At most 100 slots: up to 900.");
    }
}
