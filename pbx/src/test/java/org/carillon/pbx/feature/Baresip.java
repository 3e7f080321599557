package org.carillon.pbx.feature;

import org.carillon.platform.testing.TestPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * baresip 1.0.0 (Debian) as a headless phone registering to the PBX (TESTING-TOOLS.md §4): no audio device, no
 * UI, MWI off (it can loop on refused SUBSCRIBEs), always under {@code timeout -s KILL}. A missing binary fails.
 */
final class Baresip implements AutoCloseable {
    private final Process process;
    private final Path dir;

    private Baresip(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    static void requireInstalled() {
        if (!Files.isExecutable(Path.of("/usr/bin/baresip"))) {
            throw new AssertionError("baresip not found: apt-get install -y baresip baresip-core");
        }
    }

    /** Starts baresip registering {@code number} with the digest {@code username}/{@code password}. */
    static Baresip register(int pbxPort, String number, String username, String password) {
        requireInstalled();
        try {
            Path dir = Files.createTempDirectory("baresip");
            int port = TestPorts.sipPair();
            int rtp = TestPorts.udpBlock(20);
            Files.writeString(dir.resolve("config"), """
                    poll_method		epoll
                    sip_listen		127.0.0.1:%d
                    net_interface		127.0.0.1
                    audio_player		aubridge,nil
                    audio_alert		aubridge,nil
                    rtp_ports		%d-%d
                    module_path		/usr/lib/baresip/modules
                    module			g711.so
                    module			aubridge.so
                    module_tmp		uuid.so
                    module_tmp		account.so
                    """.formatted(port, rtp, rtp + 19));
            // auth_user: the digest username is not the extension number (STACK-NOTES.md)
            Files.writeString(dir.resolve("accounts"), "<sip:%s@127.0.0.1:%d;transport=udp>;auth_user=%s;auth_pass=%s;regint=600;mwi=no\n"
                    .formatted(number, pbxPort, username, password));
            Files.writeString(dir.resolve("contacts"), "");
            Process p = new ProcessBuilder(List.of("timeout", "-s", "KILL", "120", "/usr/bin/baresip", "-f",
                    dir.toString(), "-t", "110")).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("baresip.log").toFile()).start();
            return new Baresip(p, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.readString(dir.resolve("baresip.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Asks baresip to quit (it unregisters first); kills it when it does not go. */
    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A port free for UDP and TCP whose successor is free too (baresip also binds TLS on port + 1). */
}
