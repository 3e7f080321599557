package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.feature.Api;
import org.carillon.pbx.feature.FeatureFixture;
import org.carillon.pbx.feature.PackagedPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: the PBX is killed with SIGKILL while a caller is leaving a message. Outcome chosen and tested: the message
 * is <em>cleanly absent</em> — the recording was only a {@code .part} file (itself a valid WAV up to its last sync,
 * which this test checks) and no row was written; the restarted PBX removes the {@code .part} file, leaves no message
 * file and no row. The caller's number and time were never stored for a message that was not finished, so keeping the
 * fragment would mean a message without its envelope.
 */
class VoicemailKillH2IT {
    @TempDir
    Path work;
    private Process pbx;

    @AfterEach
    void killLeftover() throws InterruptedException {
        PackagedPbx.kill(pbx);
    }

    private Process start(int http, int sip, String log) throws Exception {
        Process p = PackagedPbx.start(work, http, sip, log, Map.of("CARILLON_SIP_AUTH_ALGORITHMS", "MD5",
                "CARILLON_REGISTRAR_KEEPALIVE_SECONDS", "0"));
        PackagedPbx.awaitHealthy(http, p, work.resolve(log));
        return p;
    }

    @Test
    void aSigkillDuringARecordingLeavesNoCorruptFileAndNoOrphanRow() throws Exception {
        int http = TestPorts.tcp();
        int sip = TestPorts.udpAndTcp();
        pbx = start(http, sip, "first.log");
        Api api = new Api(http, FeatureFixture.OWNER, FeatureFixture.OWNER_PASSWORD);
        var a = api.createExtension("kill-caller@example.com", "agent");
        var b = api.createExtension("kill-box@example.com", "agent");
        Path data = work.resolve("data");
        Path wav = work.resolve("a.wav");
        Signals.write(wav, Signals.pad(Signals.melody(new double[]{500, 700, 900, 600}, 400, 0.4), 30_000));
        try (Baresip phone = new Baresip(work.resolve("a"), a.text("number"), a.text("username"),
                a.text("password"), sip, TestPorts.sipPair(), TestPorts.tcp(), TestPorts.udpBlock(20), wav)) {
            phone.awaitStarted(Duration.ofSeconds(10));
            phone.command("dial", "sip:" + b.text("number") + "@127.0.0.1:" + sip, Duration.ofMillis(200));
            assertThat(phone.awaitLog("Call established", Duration.ofSeconds(10))).as(phone.safeLog()).isTrue();
            // a sync (once a second) has made more than a second durable and covered it in the header
            Recordings.awaitSynced(data, Duration.ofSeconds(1), Duration.ofSeconds(60));
            pbx.destroyForcibly(); // SIGKILL: no shutdown hook, no rename, no row
            assertThat(pbx.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        List<Path> parts = files(data, ".part");
        assertThat(parts).as("the interrupted recording").hasSize(1);
        short[] partial = Signals.read(parts.getFirst()); // a valid WAV whose header covers what was synced
        assertThat(partial.length).isGreaterThan(Signals.RATE);
        assertThat(files(data, ".wav")).as("no finished message file").isEmpty();

        pbx = start(http, sip, "second.log");
        assertThat(files(data, ".part")).as("the restart removed the fragment").isEmpty();
        assertThat(files(data, ".wav")).isEmpty();
        pbx.destroy(); // a clean stop releases the database file
        assertThat(pbx.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String url = "jdbc:h2:file:" + data.resolve("pbx").resolve("db").resolve("pbx")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (var c = DriverManager.getConnection(url, "sa", "");
             var rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM voicemail_message");
             var exts = c.createStatement().executeQuery("SELECT COUNT(*) FROM extension")) {
            rows.next();
            exts.next();
            assertThat(exts.getInt(1)).isEqualTo(2);
            assertThat(rows.getInt(1)).as("no orphan message row").isZero();
        }
    }

    private static List<Path> files(Path data, String suffix) throws Exception {
        Path root = data.resolve("pbx").resolve("voicemail");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }
}
