package org.carillon.pbx.call;

import org.carillon.pbx.parking.ParkingService;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's parking test with real phones and audio: baresip A talks to B, B blind-transfers A to the park number,
 * C dials the slot the PBX chose and hears A (A's melody found in what C recorded).
 */
class ParkingBaresipH2IT extends CallH2Context {
    private static final double[] MELODY_A = {440, 660, 550, 880, 495, 770, 330, 990, 600, 720};
    private static final double[] MELODY_B = {1000, 500, 750, 300, 1200, 400, 900, 350, 1100, 650};
    private static final int STEP_MS = 300;

    @Test
    void baresipBParksACallAndBaresipCDiallingTheSlotHearsA() throws Exception {
        Path dir = Files.createTempDirectory("call-baresip-park");
        short[] signalA = Signals.melody(MELODY_A, STEP_MS, 0.4);
        short[] loopA = Signals.repeated(signalA, 8); // A's melody over and over: C joins somewhere in it
        Path wavA = dir.resolve("a.wav");
        Path wavOther = dir.resolve("other.wav");
        Signals.write(wavA, Signals.pad(loopA, 40_000));
        Signals.write(wavOther, Signals.pad(Signals.melody(MELODY_B, STEP_MS, 0.4), 40_000));
        var a = Calls.newExtension(this);
        var b = Calls.newExtension(this);
        var c = Calls.newExtension(this);
        long tenant = bean(TenantDirectory.class).current().id();
        ParkingService parking = bean(ParkingService.class);
        try (Baresip phoneA = new Baresip(dir.resolve("a"), a.number(), a.username(), a.password(), sipPort(),
                Ports.sipPair(), Ports.tcp(), Ports.rtpBlock(), wavA);
             Baresip phoneB = new Baresip(dir.resolve("b"), b.number(), b.username(), b.password(), sipPort(),
                     Ports.sipPair(), Ports.tcp(), Ports.rtpBlock(), wavOther);
             Baresip phoneC = new Baresip(dir.resolve("c"), c.number(), c.username(), c.password(), sipPort(),
                     Ports.sipPair(), Ports.tcp(), Ports.rtpBlock(), wavOther)) {
            for (Baresip phone : List.of(phoneA, phoneB, phoneC)) {
                phone.awaitStarted(Duration.ofSeconds(10));
            }
            for (Calls.Ext e : List.of(a, b, c)) {
                Calls.awaitRegistered(this, e.number());
            }
            phoneA.command("dial", "sip:" + b.number() + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phoneB.awaitLog("Call established", Duration.ofSeconds(10))).as(phoneB.safeLog()).isTrue();
            phoneB.command("transfer", "sip:700@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            Calls.await("A parked", Duration.ofSeconds(10), () -> parking.parked(tenant).stream()
                    .anyMatch(p -> p.parked().equals(a.number())));
            String slot = parking.parked(tenant).stream().filter(p -> p.parked().equals(a.number()))
                    .map(ParkedCall::slot).findFirst().orElseThrow();
            phoneC.command("dial", "sip:" + slot + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phoneC.awaitLog("Call established", Duration.ofSeconds(10))).as(phoneC.safeLog()).isTrue();
            TimeUnit.MILLISECONDS.sleep(4500); // A's melody flows to C in real time
            phoneA.command("hangup", "", Duration.ofMillis(300));
            assertThat(phoneC.awaitLog("closed", Duration.ofSeconds(5))).as(phoneC.safeLog()).isTrue();
            Path rec = phoneC.received().orElseThrow(() -> new AssertionError("C recorded nothing"));
            Signals.Match m = Signals.bestMatch(signalA, Signals.read(rec), 4 * Signals.RATE);
            assertThat(m.correlation()).as("C hears A: correlation at lag " + m.lag()).isGreaterThanOrEqualTo(0.9);
            var call = Calls.lastCallOf(this, a.number());
            assertThat(call.path("callee").asString()).isEqualTo(c.number());
            assertThat(call.path("transfers").toString())
                    .isEqualTo("[\"park:" + slot + "\",\"retrieve:" + c.number() + "\"]");
        }
    }
}
