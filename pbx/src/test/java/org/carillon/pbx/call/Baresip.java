package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One baresip 1.0.0 (Debian package {@code baresip}) on loopback, as TESTING-TOOLS.md §4 sets it up: account with
 * {@code auth_user=}, audio from a WAV ({@code aufile}), every call recorded ({@code sndfile}), auto-answer, driven
 * over {@code ctrl_tcp}. Wrapped in {@code timeout -s KILL} so it never outlives the test. A missing binary fails the
 * test (never skips).
 */
final class Baresip implements AutoCloseable {
    private final Path dir;
    private final int ctrlPort;
    private final Process process;

    /**
     * @param sipPort its own SIP port; it also binds TLS on sipPort+1
     * @param rtpLow  first of 20 RTP ports it may use
     */
    /**
     * A phone for extension {@code e} of the PBX on {@code pbxPort}, in {@code dir}/{@code name}, on free loopback
     * ports, sending {@code audioIn}, answering automatically.
     */
    static Baresip phone(Path dir, String name, Calls.Ext e, int pbxPort, Path audioIn) throws IOException {
        return phone(dir, name, e, pbxPort, audioIn, "auto");
    }

    /** As above, answering as {@code answerMode} says ({@code auto}, {@code manual}). */
    static Baresip phone(Path dir, String name, Calls.Ext e, int pbxPort, Path audioIn, String answerMode)
            throws IOException {
        return new Baresip(dir.resolve(name), e.number(), e.username(), e.password(), pbxPort, TestPorts.sipPair(),
                TestPorts.tcp(), TestPorts.udpBlock(20), audioIn, answerMode);
    }

    Baresip(Path dir, String number, String username, String password, int pbxPort, int sipPort, int ctrlPort,
            int rtpLow, Path audioIn) throws IOException {
        this(dir, number, username, password, pbxPort, sipPort, ctrlPort, rtpLow, audioIn, "auto");
    }

    /** @param answerMode {@code auto}, or {@code manual} to answer with the {@code accept} command */
    Baresip(Path dir, String number, String username, String password, int pbxPort, int sipPort, int ctrlPort,
            int rtpLow, Path audioIn, String answerMode) throws IOException {
        this.dir = dir;
        this.ctrlPort = ctrlPort;
        Path binary = Path.of("/usr/bin/baresip");
        if (!Files.isExecutable(binary)) {
            throw new AssertionError("baresip not found: install the Debian package baresip");
        }
        Files.createDirectories(dir.resolve("rec"));
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method epoll", "sip_listen 127.0.0.1:" + sipPort, "call_local_timeout 120", "call_max_calls 4",
                "audio_source aufile," + audioIn, "audio_player aubridge,nil", "audio_alert aubridge,nil",
                "ausrc_srate 8000", "auplay_srate 8000", "ausrc_channels 1", "auplay_channels 1",
                "audio_buffer 20-160", "rtp_ports " + rtpLow + "-" + (rtpLow + 19), "rtp_timeout 0", "rtcp_mux no",
                "jitter_buffer_delay 5-10", "net_interface 127.0.0.1", "module_path /usr/lib/baresip/modules",
                "module g711.so", "module aufile.so", "module aubridge.so", "module sndfile.so",
                "module_tmp uuid.so", "module_tmp account.so", "module_app menu.so", "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + ctrlPort, "snd_path " + dir.resolve("rec"), ""));
        Files.writeString(dir.resolve("accounts"), "<sip:" + number + "@127.0.0.1:" + pbxPort
                + ";transport=udp>;auth_user=" + username + ";auth_pass=" + password
                + ";answermode=" + answerMode + ";audio_codecs=pcmu,pcma;regint=300;mwi=no\n");
        Files.writeString(dir.resolve("contacts"), "");
        this.process = new ProcessBuilder("timeout", "-s", "KILL", "120", binary.toString(), "-f", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("baresip.log").toFile()).start();
    }

    /** Sends one ctrl_tcp command (netstring-framed JSON) and returns what came back within {@code wait}. */
    String command(String command, String params, Duration wait) throws IOException {
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"t\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", ctrlPort), 2000);
            s.setSoTimeout(100);
            OutputStream out = s.getOutputStream();
            out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(',');
            out.flush();
            StringBuilder got = new StringBuilder();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            Instant end = Instant.now().plus(wait);
            while (Instant.now().isBefore(end)) {
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        break;
                    }
                    got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                } catch (java.net.SocketTimeoutException idle) {
                    // keep listening until the wait is over
                }
            }
            return got.toString();
        }
    }

    /** Waits until the log contains {@code text}. */
    boolean awaitLog(String text, Duration within) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            if (log().contains(text)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling a child process's log, not waiting for time to pass
        }
        return log().contains(text);
    }

    /** Waits for the ctrl_tcp port to accept connections (baresip is up). */
    void awaitStarted(Duration within) throws InterruptedException {
        Instant end = Instant.now().plus(within);
        while (Instant.now().isBefore(end)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", ctrlPort), 200);
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new AssertionError("baresip did not start:\n" + safeLog());
    }

    String log() throws IOException {
        Path p = dir.resolve("baresip.log");
        return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
    }

    String safeLog() {
        try {
            return log();
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The received-audio recording of the last call ({@code dump-*-dec.wav}). */
    Optional<Path> received() throws IOException {
        try (var files = Files.list(dir.resolve("rec"))) {
            List<Path> dec = files.filter(f -> f.getFileName().toString().endsWith("-dec.wav")).sorted().toList();
            return dec.isEmpty() ? Optional.empty() : Optional.of(dec.getLast());
        }
    }

    /** What the phone has received of its call so far (empty before its recording starts), read while it records. */
    short[] receivedSoFar() {
        try {
            Optional<Path> rec = received();
            return rec.isEmpty() ? new short[0] : Signals.readSoFar(rec.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many samples of its call the phone has received so far. */
    int receivedCount() {
        return receivedSoFar().length;
    }

    /**
     * Waits until the phone has received all of {@code signal} (a prompt, a message), starting at or after sample
     * {@code from} of what it received; returns where it starts. Polls the phone's recording of the call, so a slow
     * machine only makes the wait longer; fails after {@code within} naming {@code what}.
     */
    int awaitReceived(String what, short[] signal, int from, Duration within) throws InterruptedException {
        SignalWatch watch = new SignalWatch(signal, from);
        Instant end = Instant.now().plus(within);
        while (true) {
            short[] soFar = receivedSoFar();
            int at = watch.find(soFar);
            if (at >= 0) {
                return at;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the phone did not receive " + what + " within " + within.toSeconds()
                        + " s (it received " + soFar.length * 1000L / Signals.RATE + " ms of audio, "
                        + Math.max(0, soFar.length - from) * 1000L / Signals.RATE + " ms of it after the mark)");
            }
            TimeUnit.MILLISECONDS.sleep(50); // polling a child process's recording, not waiting for time to pass
        }
    }

    @Override
    public void close() {
        try {
            command("quit", "", Duration.ofMillis(200));
        } catch (IOException | UncheckedIOException gone) {
            // already gone
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
