package org.carillon.pbx.call;

import org.carillon.pbx.feature.FeatureFixture;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared steps of the call ITs. */
public final class Calls {
    /** A new extension's number, device credentials and its user's email. */
    record Ext(String number, String username, String password, String email) {
    }

    private Calls() {
    }

    static Ext newExtension(FeatureFixture f) {
        String email = f.uniqueEmail("caller");
        var r = f.api().createExtension(email, "agent");
        return new Ext(r.text("number"), r.text("username"), r.text("password"), email);
    }

    /** Polls the API until the extension shows {@code ready} (a real peer registers in its own time). */
    static void awaitRegistered(FeatureFixture f, String number) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            if ("ready".equals(f.api().get("/api/v1/extensions/" + number).text("status"))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("extension " + number + " did not register");
    }

    /** A new extension registered by SIPp from {@code port} (run the phone's scenario on that port afterwards). */
    static Ext registeredSipp(FeatureFixture f, int port) {
        Ext e = newExtension(f);
        try (SippPeer reg = SippPeer.start("register.xml", f.sipPort(), port, List.of("-s", e.number(), "-au",
                e.username(), "-ap", e.password(), "-key", "expires", "600"))) {
            assertThat(reg.await()).as(reg.output()).isZero();
        } catch (java.io.IOException | InterruptedException ex) {
            throw new AssertionError(ex);
        }
        return e;
    }

    /** Switches the extension's voicemail off: unanswered calls then end with 480/486 as without voicemail. */
    static void voicemailOff(FeatureFixture f, Ext e) {
        var r = f.api().patch("/api/v1/extensions/" + e.number() + "/voicemail", "{\"enabled\": false}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Polls {@code condition} until it holds or {@code within} passed (then fails naming {@code what}). */
    public static void await(String what, Duration within, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling a peer's state, not waiting for time to pass
        }
    }

    /** The newest history row of a caller, waiting briefly for the call to be written. */
    static JsonNode lastCallOf(FeatureFixture f, String number) throws InterruptedException {
        return lastCallOf(f, number, 1);
    }

    /** How many calls of {@code number} the history holds now. */
    static int callCountOf(FeatureFixture f, String number) {
        return f.api().get("/api/v1/calls?number=" + number).json().path("calls").size();
    }

    /**
     * The newest history row of a caller once the history holds at least {@code count} of its calls: rows are
     * group-committed (within 100 ms of a call's end), so a peer may see the call end before its row exists.
     */
    static JsonNode lastCallOf(FeatureFixture f, String number, int count) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(5));
        while (true) {
            JsonNode calls = f.api().get("/api/v1/calls?number=" + number).json().path("calls");
            if (calls.size() >= count || Instant.now().isAfter(end)) {
                assertThat(calls.size()).as("calls of " + number).isGreaterThanOrEqualTo(count);
                return calls.get(0);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Polls the active calls until one is in {@code state}; returns it. */
    static JsonNode awaitActiveState(FeatureFixture f, String state) throws InterruptedException {
        // a bound, not a wait: generous because a loaded machine can take seconds to start a SIPp peer
        Instant end = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(end)) {
            for (JsonNode c : f.api().get("/api/v1/calls/active").json()) {
                if (c.path("state").asString().equals(state)) {
                    return c;
                }
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError("no active call became " + state);
    }

    /** Polls the extension's messages (as its own user) until one is there. */
    static JsonNode awaitMessage(FeatureFixture f, Ext box) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            var r = f.apiAs(box.email()).get("/api/v1/extensions/" + box.number() + "/voicemail/messages");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            if (r.json().size() > 0 || Instant.now().isAfter(end)) {
                assertThat(r.json().size()).as("messages of " + box.number()).isEqualTo(1);
                return r.json().get(0);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * {@code from} (a baresip phone started here) calls {@code to}, which must not answer (unregistered, or voicemail
     * reached otherwise), sends a melody and hangs up once the recording holds 2.5 s of its audio. Returns the new
     * message.
     */
    static JsonNode leaveMessage(FeatureFixture f, Path dataDir, Ext from, Ext to) throws Exception {
        Path dir = Files.createTempDirectory("vm-leave");
        Path wav = dir.resolve("a.wav");
        Signals.write(wav, Signals.pad(Signals.melody(new double[]{500, 700, 900, 600}, 400, 0.4), 30_000));
        try (Baresip phone = Baresip.phone(dir, "a", from, f.sipPort(), wav)) {
            phone.awaitStarted(Duration.ofSeconds(10));
            awaitRegistered(f, from.number());
            phone.command("dial", "sip:" + to.number() + "@127.0.0.1:" + f.sipPort(), Duration.ofMillis(200));
            assertThat(phone.awaitLog("Call established", Duration.ofSeconds(15))).as(phone.safeLog()).isTrue();
            // after the greeting (and the instructions where on, ~10 s) the caller's audio is recorded as it flows
            Recordings.awaitWritten(dataDir, Duration.ofMillis(2500), Duration.ofSeconds(60));
            phone.command("hangup", "", Duration.ofMillis(300));
        }
        return awaitMessage(f, to);
    }

    /** {@link #await(String, Duration, java.util.function.BooleanSupplier)} with the condition first. */
    public static void await(String what, java.util.function.BooleanSupplier condition, Duration within)
            throws InterruptedException {
        await(what, within, condition);
    }
}
