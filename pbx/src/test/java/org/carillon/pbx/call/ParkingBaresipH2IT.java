package org.carillon.pbx.call;

import org.carillon.pbx.parking.ParkingService;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's parking test with real phones and audio: baresip A talks to B, B blind-transfers A to the park number,
 * C dials the slot the PBX chose and hears A (A's melody found in what C recorded).
 */
class ParkingBaresipH2IT extends CallH2Context {

    @Test
    void baresipBParksACallAndBaresipCDiallingTheSlotHearsA() throws Exception {
        long tenant = bean(TenantDirectory.class).current().id();
        ParkingService parking = bean(ParkingService.class);
        String[] slot = new String[1];
        var p = TransferScene.play(this, "call-baresip-park", parties -> "700", (phoneC, parties) -> {
            Calls.await("A parked", Duration.ofSeconds(10), () -> parking.parked(tenant).stream()
                    .anyMatch(c -> c.parked().equals(parties.a().number())));
            slot[0] = parking.parked(tenant).stream().filter(c -> c.parked().equals(parties.a().number()))
                    .map(ParkedCall::slot).findFirst().orElseThrow();
            phoneC.command("dial", TransferScene.uri(this, slot[0]), Duration.ofMillis(200));
        });
        var call = Calls.lastCallOf(this, p.a().number());
        assertThat(call.path("callee").asString()).isEqualTo(p.c().number());
        assertThat(call.path("transfers").toString())
                .isEqualTo("[\"park:" + slot[0] + "\",\"retrieve:" + p.c().number() + "\"]");
    }
}
