package org.carillon.bench.sip;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares builds on a busy machine: loads two (or more) bench jars, each in its own class
 * loader, into one JVM and runs their {@code carillonProxy}, {@code carillonInviteWire} and
 * {@code carillonRegisterWire} (plus JAIN-SIP's {@code jainProxy} from the first jar as the
 * reference) round-robin in short batches timed by this thread's CPU time. Prints the median,
 * 10th percentile and minimum ns per operation of each: the low percentiles are the runs least
 * disturbed by other processes. Not a replacement for the JMH run, a way to see a change of a
 * few percent that the machine's noise hides there.
 * {@code java -cp carillon-bench.jar org.carillon.bench.sip.SipCpuPair ROUNDS old.jar new.jar}
 */
public final class SipCpuPair {
    private SipCpuPair() {
    }

    public static void main(String[] args) throws Throwable {
        int rounds = Integer.parseInt(args[0]);
        String[] ops = {"SipProxyBenchmark.carillonProxy", "SipParseBenchmark.carillonInviteWire",
                "SipParseBenchmark.carillonRegisterWire"};
        List<String> labels = new ArrayList<>();
        List<MethodHandle> handles = new ArrayList<>();
        for (int j = 1; j < args.length; j++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[j]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            String jar = Path.of(args[j]).getFileName().toString();
            for (String op : ops) {
                String[] classAndMethod = op.split("\\.");
                handles.add(handle(loader, classAndMethod[0], classAndMethod[1]));
                labels.add(jar + " " + classAndMethod[1]);
            }
            if (j == 1) {
                handles.add(handle(loader, "SipProxyBenchmark", "jainProxy"));
                labels.add("jainProxy");
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] samples = new double[handles.size()][rounds];
        long sink = 0;
        for (int r = -4; r < rounds; r++) { // four warm-up rounds
            for (int k = 0; k < handles.size(); k++) {
                MethodHandle h = handles.get(k);
                int n = labels.get(k).startsWith("jain") ? 500 : 5_000;
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink += ((Object) h.invoke()).hashCode() & 1;
                }
                long t1 = mx.getCurrentThreadCpuTime();
                if (r >= 0) {
                    samples[k][r] = (t1 - t0) / (double) n;
                }
            }
        }
        double[] jain = sorted(samples[ops.length]);
        for (int k = 0; k < handles.size(); k++) {
            double[] x = sorted(samples[k]);
            String ratio = labels.get(k).endsWith("carillonProxy")
                    ? String.format("  jainProxy/this: median %.2fx, min %.2fx", jain[rounds / 2] / x[rounds / 2], jain[0] / x[0])
                    : "";
            System.out.printf("%-40s median %6.0f  p10 %6.0f  min %6.0f ns%s%n", labels.get(k), x[rounds / 2],
                    x[rounds / 10], x[0], ratio);
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static MethodHandle handle(ClassLoader loader, String className, String method) throws Exception {
        Class<?> c = loader.loadClass("org.carillon.bench.sip." + className);
        Object benchmark = c.getConstructor().newInstance();
        try {
            c.getMethod("setUp").invoke(benchmark);
        } catch (NoSuchMethodException noSetUp) {
            // SipParseBenchmark needs none
        }
        return MethodHandles.lookup().unreflect(c.getMethod(method)).bindTo(benchmark);
    }

    private static double[] sorted(double[] v) {
        double[] x = v.clone();
        Arrays.sort(x);
        return x;
    }
}
