package org.carillon.bench.media.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The media side of {@code bench/calls/concurrent.py}: {@link RtpGenerator}'s sockets stand for the phones of calls
 * SIPp sets up through the PBX. Driven by lines on stdin, answering on stdout:
 *
 * <ol>
 *   <li>start: binds {@code 2 × calls} sockets and writes the SIPp injection files {@code caller-ports.csv} (side A,
 *       announced in the callers' INVITEs) and {@code callee-ports.csv} (side B, in the callee's 200s) into the
 *       folder given as second argument; prints {@code READY};</li>
 *   <li>{@code GO <file>}: the file holds one line per socket, {@code A|B <local port> <PBX port>} — where the PBX's
 *       leg of that phone's call listens (from the SDP SIPp saw); sending starts, one 20-ms PCMU packet per socket
 *       every 20 ms (a call both ways); prints {@code STARTED};</li>
 *   <li>{@code MARK}: the measured window starts; {@code STOP}: it ends, and one line {@code FIGURES {json}}: packets
 *       sent and received in the window, lost (not back 500 ms after), send failures, skipped periods (the generator
 *       fell behind) and the one-way latency p50/p99/p99.9 (generator → PBX → generator).</li>
 * </ol>
 *
 * <p>usage: {@code java -cp carillon-bench.jar org.carillon.bench.media.load.PhonesRtpMain <calls> <folder> [threads]}
 */
public final class PhonesRtpMain {

    private PhonesRtpMain() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (var gen = new RtpGenerator(calls)) {
            int[] a = gen.ports(true);
            int[] b = gen.ports(false);
            Files.writeString(folder.resolve("caller-ports.csv"), injection(a));
            Files.writeString(folder.resolve("callee-ports.csv"), injection(b));
            say("READY");
            String go = in.readLine();
            if (go == null || !go.startsWith("GO ")) {
                throw new IllegalStateException("expected GO <file>, got " + go);
            }
            Map<String, Integer> pbx = new HashMap<>();
            for (String line : Files.readAllLines(Path.of(go.substring(3).trim()))) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3) {
                    pbx.put(f[0] + f[1], Integer.parseInt(f[2]));
                }
            }
            int[][] targets = new int[2][calls];
            for (int c = 0; c < calls; c++) {
                targets[0][c] = target(pbx, "A", a[c]);
                targets[1][c] = target(pbx, "B", b[c]);
            }
            gen.start(targets, threads);
            say("STARTED");
            expect(in, "MARK");
            gen.mark();
            expect(in, "STOP");
            RtpGenerator.Figures f = gen.stop();
            say(String.format(java.util.Locale.ROOT,
                    "FIGURES {\"sent\": %d, \"received\": %d, \"sendFailures\": %d, \"skippedPeriods\": %d, "
                            + "\"p50\": %.3f, \"p99\": %.3f, \"p999\": %.3f}",
                    f.sent, f.received, f.sendFailures, f.skippedPeriods, f.percentileMillis(0.5),
                    f.percentileMillis(0.99), f.percentileMillis(0.999)));
        }
    }

    private static int target(Map<String, Integer> pbx, String side, int port) {
        Integer t = pbx.get(side + port);
        if (t == null) {
            throw new IllegalStateException("no PBX port for side " + side + " phone port " + port);
        }
        return t;
    }

    private static String injection(int[] ports) {
        var sb = new StringBuilder("SEQUENTIAL\n");
        for (int p : ports) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }

    private static void expect(BufferedReader in, String word) throws java.io.IOException {
        String line = in.readLine();
        if (!word.equals(line == null ? null : line.trim())) {
            throw new IllegalStateException("expected " + word + ", got " + line);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
