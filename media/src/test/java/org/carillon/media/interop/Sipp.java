package org.carillon.media.interop;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs SIPp 3.6 ({@code sipp}, Debian package sip-tester) as a one-call UAC: INVITE with an SDP offer, ACK,
 * one media {@code <exec>} action, a pause as long as the media, BYE. Every run is bounded three ways
 * ({@code -m 1}, {@code -timeout 30}, and a hard kill after 40 s), talks only on 127.0.0.1, and uses
 * OS-chosen ports outside the PBX's 10000-20000 RTP range.
 */
final class Sipp {

    /** What one run printed and how it ended. */
    record Result(int exitCode, String output) {
    }

    private Sipp() {
    }

    /** The sipp binary; fails the test (does not skip it) when sip-tester is not installed. */
    static Path binary() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(dir -> Path.of(dir, "sipp")).filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            fail("sipp not found on PATH: install the Debian package sip-tester (see shared/TESTING-TOOLS.md)");
        }
        return found.orElseThrow();
    }

    /**
     * A UAC scenario offering {@code payloadType} ({@code encoding}/8000) on {@code mediaPortKeyword}, running
     * {@code execAttribute} after the ACK and hanging up {@code pauseMillis} later.
     */
    static String scenario(String mediaPortKeyword, int payloadType, String encoding, String execAttribute,
                           long pauseMillis) {
        String dialog = """
                      From: sipp <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag[call_number]
                      To: carillon <sip:carillon@[remote_ip]:[remote_port]>%s
                      Call-ID: [call_id]
                """;
        return """
                <?xml version="1.0" encoding="ISO-8859-1" ?>
                <!DOCTYPE scenario SYSTEM "sipp.dtd">
                <scenario name="carillon media interop">
                  <send retrans="500"><![CDATA[

                      INVITE sip:carillon@[remote_ip]:[remote_port] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                %s      CSeq: 1 INVITE
                      Contact: sip:sipp@[local_ip]:[local_port]
                      Max-Forwards: 70
                      Content-Type: application/sdp
                      Content-Length: [len]

                      v=0
                      o=sipp 1 1 IN IP[local_ip_type] [local_ip]
                      s=-
                      c=IN IP[media_ip_type] [media_ip]
                      t=0 0
                      m=audio %s RTP/AVP %d
                      a=rtpmap:%d %s/8000
                      a=sendrecv

                  ]]></send>
                  <recv response="100" optional="true"/>
                  <recv response="200" rtd="true"/>
                  <send><![CDATA[

                      ACK sip:carillon@[remote_ip]:[remote_port] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                %s      CSeq: 1 ACK
                      Max-Forwards: 70
                      Content-Length: 0

                  ]]></send>
                  <nop><action><exec %s/></action></nop>
                  <pause milliseconds="%d"/>
                  <send retrans="500"><![CDATA[

                      BYE sip:carillon@[remote_ip]:[remote_port] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                %s      CSeq: 2 BYE
                      Max-Forwards: 70
                      Content-Length: 0

                  ]]></send>
                  <recv response="200" crlf="true"/>
                </scenario>
                """.formatted(dialog.formatted(""), mediaPortKeyword, payloadType, payloadType, encoding,
                dialog.formatted("[peer_tag_param]"), execAttribute, pauseMillis, dialog.formatted("[peer_tag_param]"));
    }

    /** Runs {@code scenario} from {@code dir} (relative media paths resolve there) against 127.0.0.1:{@code uasPort}. */
    static Result run(Path dir, String scenario, int uasPort) {
        try {
            Path xml = dir.resolve("scenario.xml");
            Files.writeString(xml, scenario);
            Path out = dir.resolve("sipp.out");
            List<String> command = List.of(binary().toString(), "-sf", xml.toString(), "-i", "127.0.0.1",
                    "-mi", "127.0.0.1", "-p", Integer.toString(freeUdpPort(false)), "-mp",
                    Integer.toString(freeUdpPort(true)), "-m", "1", "-nostdin", "-timeout", "30", "-trace_err",
                    "127.0.0.1:" + uasPort);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(40, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, "killed after 40 s\n" + Files.readString(out));
            }
            String errors = "";
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith("_errors.log")).toList()) {
                    errors += "\n" + Files.readString(f);
                }
            }
            return new Result(p.exitValue(), Files.readString(out) + errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A port the OS just handed out (ephemeral range, outside 10000-20000) and released; for the media port an
     * even one whose next three are free too (SIPp may use base+0..+3 for RTP/RTCP).
     */
    private static int freeUdpPort(boolean mediaBlock) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (var s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                port = s.getLocalPort();
            }
            if (!mediaBlock) {
                return port;
            }
            port &= ~1;
            if (port >= 10000 && port <= 20003) {
                continue;
            }
            if (free(port) && free(port + 1) && free(port + 2) && free(port + 3)) {
                return port;
            }
        }
        throw new IllegalStateException("no free UDP port block");
    }

    private static boolean free(int port) {
        try (var s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
