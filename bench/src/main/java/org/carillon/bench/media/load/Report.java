package org.carillon.bench.media.load;

import java.util.List;
import java.util.Optional;

/** The side-by-side table of {@link RtpRelayBench}: one row per N, Carillon beside rtpengine, and ratios. */
final class Report {

    private Report() {
    }

    static void print(List<RtpRelayBench.Run> runs, int cores, int generatorThreads, int relayThreads, int seconds) {
        System.out.printf("%n== rtp-relay  cores=%d  generator threads=%d  rtpengine threads=%d  "
                + "(latency = one-way generator->relay->generator; CPU = relay process utime+stime)%n",
                cores, generatorThreads, relayThreads);
        System.out.printf("%-6s %-10s %9s %9s %8s %8s %8s %12s %7s %7s  %s%n", "calls", "relay", "nominal/s",
                "sent/s", "loss%", "p50 ms", "p99 ms", "cpu-s/1000p", "cores", "gen", "memory");
        for (int n : runs.stream().map(RtpRelayBench.Run::calls).distinct().toList()) {
            Optional<RtpRelayBench.Run> c = find(runs, n, "carillon");
            Optional<RtpRelayBench.Run> r = find(runs, n, "rtpengine");
            c.ifPresent(run -> row(run, seconds));
            r.ifPresent(run -> row(run, seconds));
            if (c.isPresent() && r.isPresent()) {
                System.out.printf("%-6d %-10s %9s %9s %8s %8.2f %8.2f %12.2f %7.2f %7s  load %s / %s%n", n,
                        "ratio c/r", "", "", "", c.get().p50() / r.get().p50(), c.get().p99() / r.get().p99(),
                        c.get().cpuSecondsPer1000() / r.get().cpuSecondsPer1000(),
                        c.get().cpuCores() / r.get().cpuCores(), "", c.get().load(), r.get().load());
            }
        }
    }

    private static Optional<RtpRelayBench.Run> find(List<RtpRelayBench.Run> runs, int n, String relay) {
        return runs.stream().filter(r -> r.calls() == n && r.relay().equals(relay)).findFirst();
    }

    private static void row(RtpRelayBench.Run r, int seconds) {
        System.out.printf("%-6d %-10s %9d %9d %8.4f %8.2f %8.2f %12.4f %7.2f %7.2f  %s%n", r.calls(), r.relay(),
                r.calls() * 100, r.sent() / seconds, r.lossPercent(), r.p50(), r.p99(), r.cpuSecondsPer1000(),
                r.cpuCores(), r.generatorCores(), r.memory());
    }
}
