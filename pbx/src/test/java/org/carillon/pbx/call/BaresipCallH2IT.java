package org.carillon.pbx.call;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's end-to-end check: baresip A calls baresip B through Carillon (both registered extensions, digest on
 * REGISTER and INVITE), each sends its own melody, each recording at the far end matches what was sent (length
 * within 5 %, normalised cross-correlation ≥ 0.9), and DTMF from A reaches B. Real time passes here: the audio has
 * to flow.
 */
class BaresipCallH2IT extends CallH2Context {

    @Test
    void baresipACallsBaresipBAndEachHearsTheOthersSignalAndDtmf() throws Exception {
        Path dir = Files.createTempDirectory("call-baresip");
        short[] signalA = Signals.melody(Signals.MELODY_A, Signals.STEP_MS, 0.4);
        short[] signalB = Signals.melody(Signals.MELODY_B, Signals.STEP_MS, 0.4);
        Path wavA = dir.resolve("a.wav");
        Path wavB = dir.resolve("b.wav");
        // 1 s of silence first (a far end's recorder starts a moment after the near end starts sending), and
        // baresip hangs up when its file ends: pad well past the call
        Signals.write(wavA, Signals.pad(Signals.lead(signalA, 1000), 30_000));
        Signals.write(wavB, Signals.pad(Signals.lead(signalB, 1000), 30_000));
        var a = Calls.newExtension(this);
        var b = Calls.newExtension(this);
        try (Baresip phoneA = Baresip.phone(dir, "a", a, sipPort(), wavA);
             Baresip phoneB = Baresip.phone(dir, "b", b, sipPort(), wavB)) {
            phoneA.awaitStarted(Duration.ofSeconds(10));
            phoneB.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, a.number());
            Calls.awaitRegistered(this, b.number());

            phoneA.command("dial", "sip:" + b.number() + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phoneB.awaitLog("Call established", Duration.ofSeconds(10))).as(phoneB.safeLog()).isTrue();
            assertThat(phoneA.awaitLog("Call established", Duration.ofSeconds(5))).as(phoneA.safeLog()).isTrue();
            // the signals flow in real time: wait until each phone has received the other's melody and the quiet
            // after it, however long a loaded machine takes, rather than for a fixed time
            Calls.await("A's and B's melodies to reach the other phone", Duration.ofSeconds(30),
                    () -> Signals.sinceFirstAudible(phoneB.receivedSoFar()) >= signalA.length + Signals.RATE / 2
                            && Signals.sinceFirstAudible(phoneA.receivedSoFar()) >= signalB.length + Signals.RATE / 2);
            for (String digit : new String[]{"1", "5", "#"}) {
                phoneA.command("sndcode", digit, Duration.ofMillis(250));
            }
            phoneA.command("hangup", "", Duration.ofMillis(300));
            assertThat(phoneB.awaitLog("closed", Duration.ofSeconds(5))).as(phoneB.safeLog()).isTrue();

            String logB = phoneB.log();
            assertThat(logB).contains("received event: '1'").contains("received event: '5'")
                    .contains("received event: '#'");
            checkHeard(phoneB, signalA, "B hears A");
            checkHeard(phoneA, signalB, "A hears B");
        }
    }

    @Test
    void baresipBTransfersACallToBaresipCAndCHearsA() throws Exception {
        var p = TransferScene.play(this, "call-baresip-transfer", parties -> parties.c().number(), (phoneC, parties) -> {
        });
        var call = Calls.lastCallOf(this, p.a().number());
        assertThat(call.path("callee").asString()).isEqualTo(p.c().number());
        assertThat(call.path("transfers").get(0).asString()).isEqualTo("blind:" + p.c().number());
    }

    private static void checkHeard(Baresip phone, short[] sent, String what) throws Exception {
        Path rec = phone.received().orElseThrow(() -> new AssertionError(what + ": no recording"));
        short[] got = Signals.read(rec);
        Signals.Match m = Signals.bestMatch(sent, got, 2 * Signals.RATE);
        assertThat(m.correlation()).as(what + ": correlation at lag " + m.lag()).isGreaterThanOrEqualTo(0.9);
        int audible = Signals.audibleLength(got, Math.max(0, m.lag()));
        assertThat((double) audible).as(what + ": audible length").isCloseTo(sent.length,
                org.assertj.core.data.Percentage.withPercentage(5));
    }
}
