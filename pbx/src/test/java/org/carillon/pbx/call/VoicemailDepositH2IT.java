package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.carillon.platform.mail.MailDispatcher;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, leaving a message: baresip calls an extension whose (SIPp) phone rings and never answers; after the ring
 * time the caller is forwarded to the extension's voicemail, plays a known melody and hangs up. The stored message
 * matches what was sent (normalised cross-correlation ≥ 0.9, audible length within 5 %), is listed in the API for
 * the extension's own user only (the Owner gets 404), and the GreenMail mailbox got the WAV attached when the option
 * says so — and nothing when it is "no email notification". Real time passes: the audio has to flow.
 */
class VoicemailDepositH2IT extends CallH2Context {
    private static final double[] MELODY = {440, 660, 550, 880, 495, 770, 330, 990, 600, 720};
    private static final int STEP_MS = 300; // 3 s of signal
    /** The built-in "not available" greeting and the beep take about 3 s after the answer: the melody starts later. */
    private static final int LEAD_MS = 4500;

    @Test
    void aCallerWhoGetsNoAnswerLeavesAMessageThatMatchesTheSentAudioAndIsMailedWithTheWav() throws Exception {
        Path dir = Files.createTempDirectory("vm-deposit");
        short[] melody = Signals.melody(MELODY, STEP_MS, 0.4);
        Path wav = dir.resolve("a.wav");
        Signals.write(wav, Signals.pad(Signals.lead(melody, LEAD_MS), 30_000));
        int calleePort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, calleePort);
        setWebPassword(b.email());
        var settings = apiAs(b.email()).patch("/api/v1/extensions/" + b.number() + "/voicemail",
                "{\"emailOption\": \"attach\", \"instructions\": false}");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer callee = SippPeer.start("callee_rings.xml", sipPort(), calleePort, List.of());
             Baresip phone = Baresip.phone(dir, "a", a, sipPort(), wav)) {
            phone.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, a.number());
            phone.command("dial", "sip:" + b.number() + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phone.awaitLog("Call established", Duration.ofSeconds(15))).as(phone.safeLog()).isTrue();
            assertThat(callee.await()).as(callee.output()).isZero(); // rang, then was cancelled
            // the melody flows in real time: hang up once the recording holds all of it and a second of quiet after
            Recordings.awaitHolds(dataDir(), melody, Duration.ofSeconds(1), Duration.ofSeconds(60));
            phone.command("hangup", "", Duration.ofMillis(300));
        }
        JsonNode message = Calls.awaitMessage(this, b);
        assertThat(message.path("caller").asString()).isEqualTo(a.number());
        assertThat(message.path("heard").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/extensions/" + b.number() + "/voicemail/messages").status())
                .as("the Owner does not read others' voicemail").isEqualTo(404);

        var audio = apiAs(b.email()).bytes("/api/v1/extensions/" + b.number() + "/voicemail/messages/"
                + message.path("id").asString() + "/audio?download=true");
        assertThat(audio.status()).isEqualTo(200);
        assertThat(audio.contentType()).isEqualTo("audio/wav");
        assertThat(audio.disposition()).startsWith("attachment").contains(".wav");
        Path stored = dir.resolve("stored.wav");
        Files.write(stored, audio.body());
        short[] got = Signals.read(stored);
        Signals.Match m = Signals.bestMatch(melody, got, 6 * Signals.RATE);
        assertThat(m.correlation()).as("correlation at lag " + m.lag()).isGreaterThanOrEqualTo(0.9);
        int audible = Signals.audibleLength(got, Math.max(0, m.lag()));
        assertThat((double) audible).as("audible length").isCloseTo(melody.length,
                org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(message.path("durationMillis").asLong()).isEqualTo(got.length / 8);

        MimeMessage mail = awaitVoicemailMail(b.email()).orElseThrow(() -> new AssertionError("no voicemail email"));
        Part wavPart = attachment(mail).orElseThrow(() -> new AssertionError("no attachment"));
        assertThat(wavPart.getContentType()).startsWith("audio/wav");
        assertThat(wavPart.getFileName()).startsWith("voicemail-" + a.number() + "-").endsWith(".wav");
        assertThat(wavPart.getInputStream().readAllBytes()).isEqualTo(audio.body());
        var call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("transfers").get(0).asString()).isEqualTo("forward:no_answer:voicemail:" + b.number()
                + ":profile_Available");
    }

    @Test
    void aMessageThatCannotBeWrittenIsToldToTheCallerAndShownToTheAdmin() throws Exception {
        Calls.Ext box = Calls.newExtension(this); // unregistered: straight to voicemail
        Calls.Ext caller = Calls.newExtension(this);
        long tenant = bean(org.carillon.pbx.tenant.TenantDirectory.class).current().id();
        long extensionId = jdbc().sql("SELECT id FROM extension WHERE tenant_id = ? AND number = ?")
                .params(tenant, box.number()).query(Long.class).single();
        // a plain file where the mailbox's folder must go: the write fails as on a full or read-only disk
        Path folder = dataDir().resolve("pbx").resolve("voicemail").resolve(Long.toString(tenant))
                .resolve(Long.toString(extensionId));
        Files.createDirectories(folder.getParent());
        Files.deleteIfExists(folder);
        Files.writeString(folder, "in the way");
        Path dir = Files.createTempDirectory("vm-fail");
        Path wav = dir.resolve("a.wav");
        Signals.write(wav, Signals.pad(Signals.melody(MELODY, STEP_MS, 0.4), 30_000));
        try (Baresip phone = Baresip.phone(dir, "a", caller, sipPort(), wav)) {
            phone.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, caller.number());
            phone.command("dial", "sip:" + box.number() + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phone.awaitLog("Call established", Duration.ofSeconds(15))).as(phone.safeLog()).isTrue();
            Calls.await("the failure in the audit log", Duration.ofSeconds(30), () -> jdbc().sql(
                    "SELECT COUNT(*) FROM audit_event WHERE action = 'voicemail.write_failed' AND object_id = ?")
                    .param(box.number()).query(Long.class).single() == 1);
            // the caller hears that the message was not saved, then the PBX hangs up
            assertThat(phone.awaitLog("terminated", Duration.ofSeconds(20))).as(phone.safeLog()).isTrue();
        } finally {
            Files.deleteIfExists(folder);
        }
        setWebPassword(box.email());
        assertThat(apiAs(box.email()).get("/api/v1/extensions/" + box.number() + "/voicemail/messages").json()
                .size()).as("no half message").isZero();
        var owner = new org.carillon.platform.testing.WebClient(httpPort());
        owner.login(OWNER, OWNER_PASSWORD);
        assertThat(owner.get("/").body()).contains("id=\"voicemail-failures\"")
                .contains("Voicemail could not be stored");
    }

    @Test
    void anUnregisteredExtensionTakesAMessageAtOnceAndSendsNoEmailWhenTheOptionIsNone() throws Exception {
        Path dir = Files.createTempDirectory("vm-unregistered");
        Path wav = dir.resolve("a.wav");
        Signals.write(wav, Signals.pad(Signals.lead(Signals.melody(MELODY, STEP_MS, 0.4), LEAD_MS), 30_000));
        Calls.Ext b = Calls.newExtension(this); // never registers
        setWebPassword(b.email());
        Calls.Ext a = Calls.newExtension(this);
        try (Baresip phone = Baresip.phone(dir, "a", a, sipPort(), wav)) {
            phone.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, a.number());
            phone.command("dial", "sip:" + b.number() + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
            assertThat(phone.awaitLog("Call established", Duration.ofSeconds(15))).as(phone.safeLog()).isTrue();
            // after greeting and instructions (on by default, ~10 s) the caller's (silent) audio is recorded
            Recordings.awaitWritten(dataDir(), Duration.ofMillis(2500), Duration.ofSeconds(60));
            phone.command("sndcode", "#", Duration.ofMillis(300)); // ends the recording; the PBX says goodbye
            assertThat(phone.awaitLog("closed", Duration.ofSeconds(10))).as(phone.safeLog()).isTrue();
        }
        JsonNode message = Calls.awaitMessage(this, b);
        // at least what was on disk before '#'; under the 10 s of silence that would have ended it without the key
        assertThat(message.path("durationMillis").asLong()).isBetween(2500L, 9500L);
        bean(MailDispatcher.class).dispatchDue();
        assertThat(voicemailMailTo(b.email())).as("no email with emailOption none").isEmpty();
        var call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("transfers").get(0).asString()).startsWith("forward:unregistered:voicemail:");
        assertThat(call.path("endedBy").asString()).isEqualTo("system"); // the PBX hung up after '#'
    }

    /** The newest "New voicemail" email to {@code recipient} GreenMail received, after sending the outbox. */
    static java.util.Optional<MimeMessage> voicemailMailTo(String recipient) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            boolean to = Arrays.stream(m.getAllRecipients()).anyMatch(x -> x.toString().equalsIgnoreCase(recipient));
            if (to && m.getSubject().startsWith("New voicemail")) {
                mine.add(m);
            }
        }
        return mine.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(mine.getLast());
    }

    private java.util.Optional<MimeMessage> awaitVoicemailMail(String recipient) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            bean(MailDispatcher.class).dispatchDue();
            var m = voicemailMailTo(recipient);
            if (m.isPresent()) {
                return m;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Part> attachment(MimeMessage m) throws Exception {
        if (m.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                Part p = mp.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition())) {
                    return java.util.Optional.of(p);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
