package org.carillon.bench.sip;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A load-tolerant companion to the JMH run: the same benchmark methods, run round-robin in one
 * JVM and timed by this thread's CPU time, so that other processes competing for the cores
 * (which skew JMH's wall-clock results, measured one benchmark after another) hardly move the
 * ratios. Prints the median CPU ns per operation over the measured rounds and the ratios.
 * {@code java -cp carillon-bench.jar org.carillon.bench.sip.SipCpuTime [rounds]}
 */
public final class SipCpuTime {
    private interface Op {
        long run() throws Exception;
    }

    private SipCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int warmup = 4;
        SipParseBenchmark parse = new SipParseBenchmark();
        SipProxyBenchmark proxy = new SipProxyBenchmark();
        proxy.setUp();
        Map<String, Op> ops = new LinkedHashMap<>();
        ops.put("carillonInviteWire", parse::carillonInviteWire);
        ops.put("pktsInvite", parse::pktsInvite);
        ops.put("jainInvite", parse::jainInvite);
        ops.put("carillonRegisterWire", parse::carillonRegisterWire);
        ops.put("pktsRegister", parse::pktsRegister);
        ops.put("jainRegister", parse::jainRegister);
        ops.put("carillonProxy", () -> proxy.carillonProxy().length);
        ops.put("pktsProxy", () -> proxy.pktsProxy().length);
        ops.put("jainProxy", () -> proxy.jainProxy().length);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, double[]> samples = new LinkedHashMap<>();
        ops.keySet().forEach(k -> samples.put(k, new double[rounds - warmup]));
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (var e : ops.entrySet()) {
                int n = e.getKey().startsWith("jain") ? 2_000 : 20_000;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += e.getValue().run();
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (r >= warmup) {
                    samples.get(e.getKey())[r - warmup] = (t1 - t0) / (double) n;
                }
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        samples.forEach((k, v) -> {
            double[] s = v.clone();
            Arrays.sort(s);
            median.put(k, s[s.length / 2]);
        });
        System.out.printf("%ncpu-time comparison (median of %d rounds, ns of thread CPU per op)%n", rounds - warmup);
        median.forEach((k, v) -> System.out.printf("%-22s %9.0f ns  %,10.0f ops/s per core%n", k, v, 1e9 / v));
        for (String kind : new String[] {"Invite", "Register", "Proxy"}) {
            String ours = kind.equals("Proxy") ? "carillonProxy" : "carillon" + kind + "Wire";
            System.out.printf("%s: %.2fx pkts-sip, %.2fx JAIN-SIP%n", kind, median.get("pkts" + kind) / median.get(ours),
                    median.get("jain" + kind) / median.get(ours));
        }
        System.out.println("(checksum " + sink + ")");
    }
}
