package org.carillon.bench.media.load;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 5's {@code bench/rtp-relay}: for each call count N, N bidirectional G.711 20 ms calls through
 * Carillon's relay (a child JVM, {@link CarillonRelayMain}) and then through rtpengine (userspace
 * forwarding), driven by {@link RtpGenerator} in this process. Per run it prints a {@code RUN} line; at the
 * end a side-by-side table with Carillon/rtpengine ratios.
 *
 * <p>Figures per run: generator-side loss and one-way latency p50/p99 over the measured window, the relay
 * process's CPU-seconds per 1,000 relayed packets from {@code /proc/<pid>/stat} (utime+stime over the window
 * ÷ packets that came back), and memory (Carillon: heap, garbage/s and GC from its MXBeans; rtpengine: RSS).
 *
 * <p>usage: RtpRelayBench [options] N... — options: {@code --warmup=S} (5), {@code --measure=S} (15),
 * {@code --threads=T} generator threads (2), {@code --relay-threads=R} rtpengine worker threads (0: one per
 * core, like Carillon's event loops), {@code --only=carillon|rtpengine}, {@code --rtpengine=PATH}
 * (/usr/bin/rtpengine), {@code --jvm="..."} options for the relay JVM, {@code --log-dir=DIR},
 * {@code --own-session=true} to start the relay under {@code setsid} (its own scheduling autogroup).
 */
public final class RtpRelayBench {

    private RtpRelayBench() {
    }

    /** One relay at one N. */
    record Run(String relay, int calls, long sent, long received, long sendFailures, long skippedPeriods,
               long staleReads, double p50,
               double p99, double p999, double cpuSecondsPer1000, double cpuCores, double generatorCores, String memory,
               String load) {

        double lossPercent() {
            return sent == 0 ? Double.NaN : 100.0 * (sent - received) / sent;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        List<Integer> ns = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                opt.put(a.substring(2, eq < 0 ? a.length() : eq), eq < 0 ? "true" : a.substring(eq + 1));
            } else {
                ns.add(Integer.parseInt(a));
            }
        }
        if (ns.isEmpty()) {
            ns = List.of(250, 500, 1000, 2000);
        }
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int measure = Integer.parseInt(opt.getOrDefault("measure", "15"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        int cores = Runtime.getRuntime().availableProcessors();
        int relayThreads = Integer.parseInt(opt.getOrDefault("relay-threads", "0"));
        relayThreads = relayThreads > 0 ? relayThreads : cores;
        String only = opt.getOrDefault("only", "");
        boolean ownSession = Boolean.parseBoolean(opt.getOrDefault("own-session", "false"));
        File logs = new File(opt.getOrDefault("log-dir", System.getProperty("java.io.tmpdir")));
        logs.mkdirs();
        List<Run> runs = new ArrayList<>();
        for (int n : ns) {
            for (String relay : List.of("carillon", "rtpengine")) {
                if (!only.isEmpty() && !only.equals(relay)) {
                    continue;
                }
                RelayUnderTest r = relay.equals("carillon")
                        ? new CarillonRelay(21000, 21000 + n * 4 + 200, opt.getOrDefault("jvm", "-Xmx1g"),
                                ownSession, new File(logs, "carillon-relay.log"))
                        : new Rtpengine(opt.getOrDefault("rtpengine", "/usr/bin/rtpengine"), 21000, 21000 + n * 4 + 200,
                                22_222 + n % 7, relayThreads, ownSession, new File(logs, "rtpengine.log"));
                Run run;
                try {
                    run = measure(r, n, threads, warmup, measure);
                } finally {
                    r.close();
                }
                runs.add(run);
                System.out.printf("RUN relay=%s calls=%d sent=%d sent_pps=%.0f received=%d send_failures=%d "
                                + "generator_skipped_periods=%d generator_stale_reads=%d loss=%.4f%% "
                                + "latency_ms_p50=%.2f p99=%.2f p999=%.2f "
                                + "cpu_s_per_1000_packets=%.4f relay_cores=%.2f generator_cores=%.2f %s load=\"%s\"%n",
                        run.relay(), n, run.sent(), run.sent() / (double) measure, run.received(), run.sendFailures(),
                        run.skippedPeriods(), run.staleReads(), run.lossPercent(), run.p50(), run.p99(), run.p999(),
                        run.cpuSecondsPer1000(), run.cpuCores(), run.generatorCores(), run.memory(), run.load());
                System.out.flush();
            }
        }
        Report.print(runs, cores, threads, relayThreads, measure);
    }

    private static Run measure(RelayUnderTest relay, int calls, int threads, int warmup, int measure)
            throws Exception {
        try (var gen = new RtpGenerator(calls)) {
            int[][] targets = relay.connect(gen.ports(true), gen.ports(false));
            gen.start(targets, threads);
            Thread.sleep(warmup * 1000L);
            relay.mark();
            long cpu0 = ProcStat.cpuNanos(relay.pid());
            long self0 = ProcStat.cpuNanos(ProcessHandle.current().pid());
            var threads0 = ProcStat.cpuNanosByThread(relay.pid());
            long t0 = System.nanoTime();
            gen.mark();
            Thread.sleep(measure * 1000L);
            long cpu1 = ProcStat.cpuNanos(relay.pid());
            long self1 = ProcStat.cpuNanos(ProcessHandle.current().pid());
            String byThread = ProcStat.threadDelta(threads0, ProcStat.cpuNanosByThread(relay.pid()));
            long t1 = System.nanoTime();
            String load = ProcStat.loadAverage();
            RtpGenerator.Figures f = gen.stop();
            double seconds = (t1 - t0) / 1e9;
            String memory = relay.memory(seconds);
            double cpuSeconds = (cpu1 - cpu0) / 1e9;
            return new Run(relay.name(), calls, f.sent, f.received, f.sendFailures, f.skippedPeriods, f.staleReads,
                    f.percentileMillis(0.5), f.percentileMillis(0.99), f.percentileMillis(0.999),
                    f.received == 0 ? Double.NaN : cpuSeconds / f.received * 1000, cpuSeconds / seconds,
                    (self1 - self0) / 1e9 / seconds, memory + " relay_cpu_by_thread=" + byThread, load);
        }
    }
}
