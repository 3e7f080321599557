package org.carillon.bench.media.load;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * rtpengine (Sipwise; Debian package {@code rtpengine}) as the reference relay: started in the foreground on
 * 127.0.0.1 with kernel forwarding off ({@code --table=-1}: userspace only) and an ng control port; each call is
 * set up with the ng protocol's "offer" (A's SDP) and "answer" (B's SDP), bencoded over UDP, and the ports
 * rtpengine writes into the rewritten SDPs are where the other side sends.
 */
final class Rtpengine implements RelayUnderTest {

    private static final Pattern AUDIO_PORT = Pattern.compile("m=audio (\\d+) ");

    private final Process process;
    private final DatagramChannel control;
    private final ByteBuffer reply = ByteBuffer.allocate(65_536);
    private int cookie;

    /** @param threads rtpengine's --num-threads (the relay's worker threads) */
    Rtpengine(String binary, int firstPort, int lastPort, int ngPort, int threads, boolean ownSession, File log)
            throws Exception {
        process = new ProcessBuilder(RelayUnderTest.inOwnSession(ownSession, List.of(binary, "--config-file=none",
                "--foreground", "--log-stderr", "--log-level=4",
                "--table=-1", "--interface=127.0.0.1", "--listen-ng=127.0.0.1:" + ngPort,
                "--port-min=" + firstPort, "--port-max=" + lastPort, "--num-threads=" + threads, "--timeout=120",
                "--delete-delay=0"))).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        control = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))
                .connect(new InetSocketAddress("127.0.0.1", ngPort));
        control.socket().setSoTimeout(500);
        for (int attempt = 0; ; attempt++) { // wait until the ng port answers
            try {
                if ("pong".equals(command(Map.of("command", "ping")).get("result"))) {
                    break;
                }
            } catch (SocketTimeoutException | java.net.PortUnreachableException notYet) {
                if (attempt > 40 || !process.isAlive()) {
                    throw new IllegalStateException("rtpengine did not start (see " + log + ")");
                }
                Thread.sleep(250);
            }
        }
    }

    @Override
    public String name() {
        return "rtpengine";
    }

    @Override
    public int[][] connect(int[] aPorts, int[] bPorts) throws Exception {
        int[][] targets = new int[2][aPorts.length];
        for (int c = 0; c < aPorts.length; c++) {
            String callId = "bench-" + c;
            var offer = command(Map.of("command", "offer", "call-id", callId, "from-tag", "a" + c,
                    "flags", List.of("trust-address"), "replace", List.of("origin"), "sdp", sdp(aPorts[c])));
            var answer = command(Map.of("command", "answer", "call-id", callId, "from-tag", "a" + c, "to-tag",
                    "b" + c, "flags", List.of("trust-address"), "replace", List.of("origin"), "sdp", sdp(bPorts[c])));
            targets[1][c] = port(offer); // the offer's rewritten SDP goes to B: B sends there
            targets[0][c] = port(answer); // the answer's goes to A
        }
        return targets;
    }

    private static String sdp(int port) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio " + port
                + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";
    }

    private static int port(Map<String, Object> reply) {
        if (!"ok".equals(reply.get("result"))) {
            throw new IllegalStateException("rtpengine: " + reply);
        }
        Matcher m = AUDIO_PORT.matcher((String) reply.get("sdp"));
        if (!m.find()) {
            throw new IllegalStateException("no m=audio in " + reply.get("sdp"));
        }
        return Integer.parseInt(m.group(1));
    }

    /** One ng request/reply: "cookie bencoded-dict" both ways (the cookie pairs them). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> command(Map<String, Object> request) throws Exception {
        String id = Integer.toString(++cookie);
        byte[] body = Bencode.encode(request);
        ByteBuffer out = ByteBuffer.allocate(id.length() + 1 + body.length);
        out.put((id + " ").getBytes(StandardCharsets.US_ASCII)).put(body).flip();
        control.write(out);
        while (true) {
            reply.clear();
            var packet = new java.net.DatagramPacket(reply.array(), reply.capacity());
            control.socket().receive(packet); // honours the 500 ms timeout
            byte[] r = Arrays.copyOf(packet.getData(), packet.getLength());
            int space = new String(r, StandardCharsets.US_ASCII).indexOf(' ');
            if (space > 0 && new String(r, 0, space, StandardCharsets.US_ASCII).equals(id)) {
                return (Map<String, Object>) Bencode.decode(r, space + 1);
            }
        }
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public void mark() {
    }

    @Override
    public String memory(double seconds) {
        return String.format("rss_mb=%.1f (native: no heap/garbage)", ProcStat.rssBytes(pid()) / 1e6);
    }

    @Override
    public void close() {
        try {
            control.close();
        } catch (java.io.IOException ignored) {
            // closing a UDP socket does not fail in a way that matters here
        }
        process.destroy(); // SIGTERM: rtpengine shuts down and releases its ports
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
