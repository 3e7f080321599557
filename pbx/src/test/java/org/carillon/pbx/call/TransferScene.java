package org.carillon.pbx.call;

import org.carillon.pbx.feature.FeatureFixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real phones (baresip) and a blind transfer: A talks to B, B transfers A to a target, C reaches A somehow (it
 * is rung, or it dials a slot) and must hear A's melody (normalised cross-correlation ≥ 0.9), then A hangs up.
 */
final class TransferScene {
    /** The three extensions of the scene. */
    record Parties(Calls.Ext a, Calls.Ext b, Calls.Ext c) {
    }

    /** Where B sends A. */
    @FunctionalInterface
    interface Target {
        String of(Parties p);
    }

    /** How C comes to talk to A once B has transferred it; returns when C's call is set up. */
    @FunctionalInterface
    interface Reach {
        void reach(Baresip phoneC, Parties p) throws Exception;
    }

    private TransferScene() {
    }

    static Parties play(FeatureFixture f, String name, Target target, Reach cReachesA) throws Exception {
        Path dir = Files.createTempDirectory(name);
        short[] signalA = Signals.melody(Signals.MELODY_A, Signals.STEP_MS, 0.4);
        short[] loopA = Signals.repeated(signalA, 8); // A's melody over and over: C joins somewhere in it
        Path wavA = dir.resolve("a.wav");
        Path wavOther = dir.resolve("other.wav");
        Signals.write(wavA, Signals.pad(loopA, 40_000));
        Signals.write(wavOther, Signals.pad(Signals.melody(Signals.MELODY_B, Signals.STEP_MS, 0.4), 40_000));
        var p = new Parties(Calls.newExtension(f), Calls.newExtension(f), Calls.newExtension(f));
        try (Baresip phoneA = Baresip.phone(dir, "a", p.a(), f.sipPort(), wavA);
             Baresip phoneB = Baresip.phone(dir, "b", p.b(), f.sipPort(), wavOther);
             Baresip phoneC = Baresip.phone(dir, "c", p.c(), f.sipPort(), wavOther)) {
            for (Baresip phone : List.of(phoneA, phoneB, phoneC)) {
                phone.awaitStarted(Duration.ofSeconds(10));
            }
            for (Calls.Ext e : List.of(p.a(), p.b(), p.c())) {
                Calls.awaitRegistered(f, e.number());
            }
            phoneA.command("dial", uri(f, p.b().number()), Duration.ofMillis(200));
            assertThat(phoneB.awaitLog("Call established", Duration.ofSeconds(10))).as(phoneB.safeLog()).isTrue();
            phoneB.command("transfer", uri(f, target.of(p)), Duration.ofMillis(200));
            cReachesA.reach(phoneC, p);
            assertThat(phoneC.awaitLog("Call established", Duration.ofSeconds(10))).as(phoneC.safeLog()).isTrue();
            // A's melody flows to C in real time: wait until C has recorded one and a half melodies since A's audio
            // reached it (what a fixed 4.5 s sleep hoped for), however long a loaded machine takes to get there
            int enough = signalA.length * 3 / 2;
            Calls.await("C to record " + enough + " samples since A's audio reached it", Duration.ofSeconds(30),
                    () -> Signals.sinceFirstAudible(phoneC.receivedSoFar()) >= enough);
            phoneA.command("hangup", "", Duration.ofMillis(300));
            assertThat(phoneC.awaitLog("closed", Duration.ofSeconds(5))).as(phoneC.safeLog()).isTrue();
            Path rec = phoneC.received().orElseThrow(() -> new AssertionError("C recorded nothing"));
            Signals.Match m = Signals.bestMatch(signalA, Signals.read(rec), 4 * Signals.RATE);
            assertThat(m.correlation()).as("C hears A: correlation at lag " + m.lag()).isGreaterThanOrEqualTo(0.9);
        }
        return p;
    }

    /** What a phone dials for {@code number} on this PBX. */
    static String uri(FeatureFixture f, String number) {
        return "sip:" + number + "@127.0.0.1:" + f.sipPort();
    }
}
