package org.carillon.pbx.parking;

import org.carillon.pbx.call.CallerSession;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.ParkedCall;
import org.carillon.pbx.subscription.ResourceChanged;
import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slot table of shared parking: lowest free slot, a named slot, all taken, freeing, the timeout's ring-backs. */
class ParkingServiceTest {
    private final List<Object> events = new ArrayList<>();
    private final ParkingService parking = new ParkingService(new Settings(new MockEnvironment()
            .withProperty("carillon.parking.fallback", "1009")), events::add);

    /** A parked call whose timers and ring-backs the test runs by hand. */
    static final class Waiting implements ParkedCall {
        final List<Runnable> timers = new ArrayList<>();
        final List<String> rung = new ArrayList<>();
        final List<Consumer<Boolean>> ringOutcomes = new ArrayList<>();
        Duration timeout;
        String slot = "";
        boolean hungUp;
        final List<Destination> handedTo = new ArrayList<>();
        boolean handOver = true;

        @Override
        public String id() {
            return "call-" + System.identityHashCode(this);
        }

        @Override
        public long tenantId() {
            return 1;
        }

        @Override
        public String slot() {
            return slot;
        }

        @Override
        public String parked() {
            return "1001";
        }

        @Override
        public String parker() {
            return "1002";
        }

        @Override
        public String callId() {
            return "cid";
        }

        @Override
        public String localTag() {
            return "l";
        }

        @Override
        public String remoteTag() {
            return "r";
        }

        @Override
        public CallerSession.Timer after(Duration delay, Runnable task) {
            timeout = delay;
            timers.add(task);
            return () -> { };
        }

        @Override
        public void ringBack(String number, Consumer<Boolean> answered) {
            rung.add(number);
            ringOutcomes.add(answered);
        }

        @Override
        public boolean handTo(Destination destination) {
            handedTo.add(destination);
            return handOver;
        }

        @Override
        public void hangUp() {
            hungUp = true;
        }
    }

    private Waiting park(String slot, String expected) {
        Waiting w = new Waiting();
        Optional<String> taken = parking.park(w, slot);
        assertThat(taken).contains(expected);
        w.slot = taken.orElseThrow();
        return w;
    }

    @Test
    void theParkNumberTakesTheLowestFreeSlotAndANamedSlotOnlyWhenFree() {
        park("", "701");
        Waiting second = park("700", "702");
        park("705", "705");
        assertThat(parking.park(new Waiting(), "705")).isEmpty();
        assertThat(parking.park(new Waiting(), "721")).as("outside the slot range").isEmpty();
        parking.left(second);
        park("", "702");
        assertThat(events).contains(new ResourceChanged(1, "dialog", "705"));
    }

    @Test
    void whenEverySlotIsTakenTheParkNumberFindsNone() {
        for (int n = 701; n <= 720; n++) {
            park("", Integer.toString(n));
        }
        assertThat(parking.park(new Waiting(), "")).isEmpty();
        assertThat(parking.parked(1)).hasSize(20);
        assertThat(parking.parked(2)).as("another tenant's slots").isEmpty();
    }

    @Test
    void takingASlotEmptiesItOnce() {
        Waiting w = park("", "701");
        assertThat(parking.take(1, "701")).containsSame(w);
        assertThat(parking.take(1, "701")).isEmpty();
        assertThat(parking.find(1, "701")).isEmpty();
        w.timers.getFirst().run();
        assertThat(w.rung).as("a retrieved call is not rung back").isEmpty();
    }

    @Test
    void anUnretrievedCallRingsTheParkerThenTheFallbackThenHangsUp() {
        Waiting w = park("", "701");
        assertThat(w.timeout).isEqualTo(Duration.ofSeconds(120));
        w.timers.getFirst().run();
        assertThat(parking.find(1, "701")).isEmpty();
        assertThat(w.rung).containsExactly("1002");
        w.ringOutcomes.get(0).accept(false);
        assertThat(w.rung).containsExactly("1002", "1009");
        w.ringOutcomes.get(1).accept(false);
        assertThat(w.hungUp).isTrue();
    }

    private static ParkingLot lot(long id, String park, int first, int last, int timeout, Destination fallback) {
        return new ParkingLot(id, 1, "Lot " + park, park, first, last, timeout, fallback, "default", id == 1);
    }

    private static ParkingLot main(int timeout, Destination fallback) {
        return lot(1, "700", 701, 720, timeout, fallback);
    }

    @Test
    void theLotsOwnSettingsApplyToACallParkedAfterTheyChanged() {
        Map<Long, List<ParkingLot>> saved = new HashMap<>();
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
        ParkingService lots = new ParkingService(t -> saved.getOrDefault(t, List.of(main(120,
                Destination.extension("1009")))), clock, events::add);
        Waiting before = new Waiting();
        lots.park(before, "701");
        saved.put(1L, List.of(main(30, new Destination(Destination.Type.HANGUP, ""))));
        Waiting after = new Waiting();
        after.slot = lots.park(after, "700").orElseThrow();
        assertThat(before.timeout).as("parked before the change").isEqualTo(Duration.ofSeconds(120));
        assertThat(after.timeout).isEqualTo(Duration.ofSeconds(30));
        assertThat(lots.since(after)).contains(clock.instant());
        after.timers.getFirst().run();
        assertThat(lots.since(after)).isEmpty();
        assertThat(after.rung).containsExactly("1002");
        after.ringOutcomes.getFirst().accept(false);
        assertThat(after.rung).as("a hangup fallback rings nobody else").containsExactly("1002");
        assertThat(after.hungUp).isTrue();
    }

    @Test
    void aSecondLotParksInItsOwnSlotsWithItsOwnTimeoutAndFallback() {
        ParkingLot back = lot(2, "750", 751, 752, 15, new Destination(Destination.Type.TEAM, "600"));
        ParkingService lots = new ParkingService(t -> List.of(main(120, Destination.extension("1009")), back),
                Clock.systemUTC(), events::add);
        Waiting first = new Waiting();
        first.slot = lots.park(first, "750").orElseThrow();
        assertThat(first.slot).isEqualTo("751");
        assertThat(first.timeout).isEqualTo(Duration.ofSeconds(15));
        Waiting second = new Waiting();
        assertThat(lots.park(second, "752")).contains("752");
        assertThat(lots.park(new Waiting(), "750")).as("the lot is full").isEmpty();
        assertThat(lots.park(new Waiting(), "700")).as("the default lot is not").contains("701");
        assertThat(lots.park(new Waiting(), "753")).as("no lot's slot").isEmpty();
        assertThat(lots.isParkNumber(1, "750")).isTrue();
        assertThat(lots.isParkNumber(1, "751")).isFalse();
        assertThat(lots.isSlot(1, "752")).isTrue();
        assertThat(lots.isSlot(1, "750")).isFalse();
        assertThat(events).contains(new ResourceChanged(1, "dialog", "751"));

        first.timers.getFirst().run();
        first.ringOutcomes.getFirst().accept(false);
        assertThat(first.handedTo).as("the second lot's fallback, not the default lot's")
                .containsExactly(new Destination(Destination.Type.TEAM, "600"));
        assertThat(lots.take(1, "752")).containsSame(second);
    }

    @Test
    void aVoicemailFallbackWithoutABoxTakesTheParkersAndAFallbackThatCannotTakeTheCallHangsUp() {
        Map<Long, List<ParkingLot>> saved = new HashMap<>(Map.of(1L, List.of(main(60,
                new Destination(Destination.Type.VOICEMAIL, "")))));
        ParkingService lots = new ParkingService(t -> saved.get(t), Clock.systemUTC(), events::add);
        Waiting toVoicemail = new Waiting();
        toVoicemail.slot = lots.park(toVoicemail, "").orElseThrow();
        toVoicemail.timers.getFirst().run();
        toVoicemail.ringOutcomes.getFirst().accept(false);
        assertThat(toVoicemail.handedTo).containsExactly(new Destination(Destination.Type.VOICEMAIL, "1002"));
        assertThat(toVoicemail.hungUp).isFalse();

        saved.put(1L, List.of(main(60, new Destination(Destination.Type.TEAM, "600"))));
        Waiting refused = new Waiting();
        refused.handOver = false;
        refused.slot = lots.park(refused, "").orElseThrow();
        refused.timers.getFirst().run();
        refused.ringOutcomes.getFirst().accept(false);
        assertThat(refused.handedTo).containsExactly(new Destination(Destination.Type.TEAM, "600"));
        assertThat(refused.hungUp).isTrue();
    }

    @Test
    void aTimeoutThatIsNoWholeNumberOfSecondsIsRefusedAtStart() {
        assertThatThrownBy(() -> ParkingSettings.from(new Settings(new MockEnvironment()
                .withProperty("carillon.parking.timeout.seconds", "2m"))))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("CARILLON_PARKING_TIMEOUT_SECONDS");
    }
}
