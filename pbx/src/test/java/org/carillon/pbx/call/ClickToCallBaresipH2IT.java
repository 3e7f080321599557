package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Click-to-call with a real phone as the user (baresip, auto-answer): after answering, the user hears the PBX's ringing
 * tone (425 Hz) while the colleague's phone (SIPp) rings, then is connected to it.
 */
class ClickToCallBaresipH2IT extends CallH2Context {

    @Test
    void theUserHearsARingingToneWhileTheColleagueRings() throws Exception {
        Path dir = Files.createTempDirectory("click-to-call");
        Path silence = dir.resolve("silence.wav");
        Signals.write(silence, Signals.pad(new short[0], 30_000));
        Calls.Ext user = Calls.newExtension(this);
        int tPort = TestPorts.udp();
        Calls.Ext colleague = Calls.registeredSipp(this, tPort);
        setWebPassword(user.email());
        try (Baresip phone = Baresip.phone(dir, "u", user, sipPort(), silence);
             SippPeer colleaguesPhone = SippPeer.start("callee_slow.xml", sipPort(), tPort, List.of()).awaitBound()) {
            phone.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, user.number());
            var placed = apiAs(user.email()).post("/api/v1/calls", "{\"to\":\"" + colleague.number() + "\"}");
            assertThat(placed.status()).as(placed.body()).isEqualTo(202);
            assertThat(phone.awaitLog("Call established", Duration.ofSeconds(10))).as(phone.safeLog()).isTrue();
            Calls.awaitActiveState(this, "answered"); // the colleague's phone rang for a second, then answered
            phone.command("hangup", "", Duration.ofMillis(300));
            assertThat(colleaguesPhone.await()).as(colleaguesPhone.output()).isZero();
            Path rec = phone.received().orElseThrow(() -> new AssertionError("the user's phone recorded nothing"));
            short[] tone = Signals.melody(new double[]{425}, 500, 0.3);
            Signals.Match m = Signals.bestMatch(tone, Signals.read(rec), 3 * Signals.RATE);
            assertThat(m.correlation()).as("a 425 Hz ringing tone: correlation at lag " + m.lag())
                    .isGreaterThanOrEqualTo(0.9);
        }
        var call = Calls.lastCallOf(this, user.number());
        assertThat(call.path("callee").asString()).isEqualTo(colleague.number());
        assertThat(call.path("endedBy").asString()).isEqualTo("caller");
    }
}
