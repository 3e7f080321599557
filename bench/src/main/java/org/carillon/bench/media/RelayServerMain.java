package org.carillon.bench.media;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.leg.AddressLatch;
import org.carillon.media.leg.LegSettings;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.offer.NegotiatedAudio;
import org.carillon.media.relay.Bridge;
import org.carillon.media.relay.MediaEngine;
import org.carillon.media.sdp.Direction;

/**
 * The relay side of {@link RtpLoadMain}, in its own JVM: opens {@code calls} bridged calls whose A legs
 * expect the generator's A socket and B legs its B socket, prints "PORTS a1,b1 a2,b2 ..." and "READY", then
 * answers commands on stdin: MARK (start counting), STOP (print "RESULT ..." and exit).
 *
 * <p>usage: RelayServerMain calls genA-port genB-port first-rtp-port
 */
public final class RelayServerMain {

    private RelayServerMain() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        var genA = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        var genB = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[2]));
        int first = Integer.parseInt(args[3]);
        var engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", first, first + calls * 8 + 100, 0, true,
                new LegSettings(AddressLatch.Mode.LATCH_FIRST, Duration.ofSeconds(30), Duration.ofSeconds(5),
                        256 * 1024, true)));
        List<MediaLeg> legs = new ArrayList<>();
        var ports = new StringBuilder("PORTS");
        for (int c = 0; c < calls; c++) {
            MediaLeg a = engine.openLeg();
            MediaLeg b = engine.openLegBeside(a);
            a.apply(audio(genA)).join();
            b.apply(audio(genB)).join();
            Bridge.connect(a, b);
            legs.add(a);
            legs.add(b);
            ports.append(' ').append(a.localPort()).append(',').append(b.localPort());
        }
        System.out.println(ports);
        System.out.println("READY native=" + engine.nativeTransport());
        System.out.flush();
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu0 = 0;
        long out0 = 0;
        long alloc0 = 0;
        long gc0 = 0;
        long t0 = 0;
        var in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("MARK")) {
                cpu0 = os.getProcessCpuTime();
                out0 = relayed(legs);
                alloc0 = threads.getTotalThreadAllocatedBytes();
                gc0 = gcMillis();
                t0 = System.nanoTime();
            } else if (line.equals("STOP")) {
                long seconds = Math.max(1, System.nanoTime() - t0);
                long packets = relayed(legs) - out0;
                long dropped = 0;
                for (MediaLeg leg : legs) {
                    var k = leg.statistics().counts();
                    dropped += k.malformed() + k.rejectedSource() + k.directionDropped() + k.unknownPayload()
                            + k.noTarget() + k.congested();
                }
                var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                System.out.printf("RESULT packets=%d cpu_ns=%d wall_ns=%d alloc_bytes=%d gc_ms=%d heap_used=%d "
                                + "heap_committed=%d relay_dropped=%d%n", packets, os.getProcessCpuTime() - cpu0, seconds,
                        threads.getTotalThreadAllocatedBytes() - alloc0, gcMillis() - gc0, heap.getUsed(),
                        heap.getCommitted(), dropped);
                System.out.flush();
                break;
            }
        }
        legs.forEach(MediaLeg::close);
        engine.close();
    }

    private static NegotiatedAudio audio(InetSocketAddress remote) {
        return new NegotiatedAudio(Optional.of(remote), AudioFormat.PCMU, 0, 0, OptionalInt.of(101),
                OptionalInt.of(101), 20, Direction.SENDRECV);
    }

    private static long relayed(List<MediaLeg> legs) {
        long n = 0;
        for (MediaLeg leg : legs) {
            n += leg.statistics().counts().packetsOut();
        }
        return n;
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }
}
