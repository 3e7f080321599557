package org.carillon.pbx.call;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, listening by phone: a message is left for B (unregistered at the time); then B's own baresip dials
 * {@code *97}, sends its PIN (the mailbox asks for it even from the own phone: skipping is switched off), presses 1
 * for new messages, hears the envelope and the message — recorded on its side and compared with what was sent
 * (normalised cross-correlation ≥ 0.9) —, presses 7 to delete it, 4 to set a new PIN (issue 13: the audit log names
 * the extension and the phone's address, the PIN masked) and * to leave; the message is gone from the API.
 * Real time passes: the prompts and the audio have to flow. Each key is pressed once B's phone has received the
 * prompt (or message) it answers — found in its recording by correlation — so a slow machine only waits longer.
 */
class VoicemailByPhoneH2IT extends CallH2Context {
    private static final double[] MELODY = {523, 784, 659, 392, 880, 587, 440, 698, 494, 1046};
    private static final int STEP_MS = 300;
    /** A bound, not a wait: generous for a loaded machine. */
    private static final Duration PROMPT_WAIT = Duration.ofSeconds(30);

    @Test
    void theOwnerDialsStar97EntersThePinAndHearsTheMessageThenDeletesItByDtmf() throws Exception {
        Path dir = Files.createTempDirectory("vm-phone");
        short[] melody = Signals.melody(MELODY, STEP_MS, 0.4);
        Path callerWav = dir.resolve("a.wav");
        Path quiet = dir.resolve("quiet.wav");
        Signals.write(quiet, new short[8000 * 60]);
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext b = Calls.newExtension(this);
        setWebPassword(b.email());
        var settings = apiAs(b.email()).patch("/api/v1/extensions/" + b.number() + "/voicemail",
                "{\"pin\": \"2468\", \"skipPinOnOwnDevice\": false, \"instructions\": false}");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.json().path("pinSet").asBoolean()).isTrue();
        assertThat(settings.body()).doesNotContain("2468");

        // A leaves the melody (B is not registered yet: straight to voicemail)
        Signals.write(callerWav, Signals.pad(Signals.lead(melody, 3500), 30_000));
        try (Baresip phoneA = Baresip.phone(dir, "a", a, sipPort(), callerWav)) {
            phoneA.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, a.number());
            phoneA.command("dial", "sip:" + b.number() + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phoneA.awaitLog("Call established", Duration.ofSeconds(15))).as(phoneA.safeLog()).isTrue();
            // the melody flows in real time: hang up once the recording holds all of it and a second of quiet after
            Recordings.awaitHolds(dataDir(), melody, Duration.ofSeconds(1), Duration.ofSeconds(60));
            phoneA.command("hangup", "", Duration.ofMillis(300));
        }
        JsonNode message = Calls.awaitMessage(this, b);
        assertThat(message.path("heard").asBoolean()).isFalse();

        try (Baresip phoneB = Baresip.phone(dir, "b", b, sipPort(), quiet)) {
            phoneB.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, b.number());
            phoneB.command("dial", "sip:*97@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phoneB.awaitLog("Call established", Duration.ofSeconds(15))).as(phoneB.safeLog()).isTrue();
            // a key counts only while a prompt's collection listens, which starts with its prompt: each key below
            // goes once the phone has received the prompt it answers (keys typed into a prompt interrupt it)
            phoneB.awaitReceived("\"please enter your PIN\"", prompt("enter-pin"), 0, PROMPT_WAIT);
            int mark = phoneB.receivedCount();
            keys(phoneB, "2468#");
            phoneB.awaitReceived("\"you have ...\"", prompt("vm-you-have"), mark, PROMPT_WAIT);
            mark = phoneB.receivedCount();
            keys(phoneB, "1");
            // the envelope (~12 s) and the message (~4.5 s) play, then the options (~8 s, and 8 s more to answer);
            // a key would cut the message short: press 7 during the options
            awaitHeard(b, message.path("id").asString());
            int heard = phoneB.awaitReceived("the message", melody, mark, Duration.ofSeconds(60));
            phoneB.awaitReceived("the message options", prompt("vm-message-options"), heard + melody.length,
                    PROMPT_WAIT);
            mark = phoneB.receivedCount();
            keys(phoneB, "7");
            awaitGone(b);
            phoneB.awaitReceived("\"message deleted\"", prompt("vm-message-deleted"), mark, PROMPT_WAIT);
            mark = phoneB.receivedCount();
            keys(phoneB, "4"); // issue 13: a new PIN by phone is in the audit log, masked, named by the phone
            phoneB.awaitReceived("\"enter a new PIN\"", prompt("vm-new-pin"), mark, PROMPT_WAIT);
            keys(phoneB, "1357#");
            Calls.await("the PIN change in the audit log", Duration.ofSeconds(10),
                    () -> !phonePinChanges(b.number()).isEmpty());
            var line = phonePinChanges(b.number()).getFirst();
            assertThat(line.get("source")).isEqualTo("127.0.0.1");
            assertThat(line.get("detail")).isEqualTo("PIN changed by phone");
            assertThat(line.get("states")).contains("\"pin\":\"********\"").doesNotContain("1357")
                    .doesNotContain("2468");
            boolean gone = false;
            for (int i = 0; i < 5 && !gone; i++) { // "PIN changed" plays (keys are ignored), then the menu takes *
                keys(phoneB, "*");
                gone = phoneB.awaitLog("terminated", Duration.ofSeconds(4));
            }
            assertThat(gone).as("the PBX says goodbye and hangs up").isTrue();
            Path rec = phoneB.received().orElseThrow(() -> new AssertionError("B recorded nothing"));
            Signals.Match m = Signals.bestMatch(melody, Signals.read(rec), 25 * Signals.RATE);
            assertThat(m.correlation()).as("B hears the message: correlation at lag " + m.lag())
                    .isGreaterThanOrEqualTo(0.9);
        }
        Calls.lastCallOf(this, b.number()); // waits for the history to be written
        JsonNode star97 = null;
        for (JsonNode c : api().get("/api/v1/calls?number=" + b.number()).json().path("calls")) {
            if (c.path("dialled").asString().equals("*97")) {
                star97 = c;
            }
        }
        assertThat(star97).as("the *97 call in the history").isNotNull();
        assertThat(star97.path("endedBy").asString()).as("the PBX said goodbye and hung up").isEqualTo("system");
    }

    /** The audit lines of PIN changes made by the mailbox's own phone: source, detail and both states. */
    private java.util.List<java.util.Map<String, String>> phonePinChanges(String number) {
        return jdbc().sql("""
                SELECT source, detail, before_state || ' ' || after_state AS states FROM audit_event
                WHERE action = 'voicemail.update' AND object_type = 'voicemail' AND object_id = ? AND actor = ?""")
                .params(number, "extension " + number)
                .query((rs, n) -> java.util.Map.of("source", rs.getString("source"), "detail", rs.getString("detail"),
                        "states", rs.getString("states"))).list();
    }

    /** The first 1.5 s (at most) of a voicemail prompt as the PBX plays it: its own clip, else the built-in one. */
    private static short[] prompt(String id) throws java.io.IOException {
        short[] clip;
        try (var in = VoicemailByPhoneH2IT.class.getResourceAsStream("/org/carillon/pbx/voicemail/prompts/" + id
                + ".wav")) {
            clip = in != null ? org.carillon.media.wav.WavReader.read(id, in).samples()
                    : org.carillon.media.play.Prompts.require(id).samples();
        }
        return java.util.Arrays.copyOf(clip, Math.min(clip.length, 3 * Signals.RATE / 2));
    }

    private static void keys(Baresip phone, String digits) throws Exception {
        for (char c : digits.toCharArray()) {
            phone.command("sndcode", String.valueOf(c), Duration.ofMillis(250));
        }
    }

    private void awaitHeard(Calls.Ext box, String id) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(end)) {
            JsonNode list = apiAs(box.email()).get("/api/v1/extensions/" + box.number() + "/voicemail/messages")
                    .json();
            if (list.size() == 1 && list.get(0).path("heard").asBoolean()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("message " + id + " was not marked heard by playing it");
    }

    private void awaitGone(Calls.Ext box) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            if (apiAs(box.email()).get("/api/v1/extensions/" + box.number() + "/voicemail/messages").json()
                    .isEmpty()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("7 did not delete the message");
    }
}
