package org.carillon.bench.media.load;

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
 * Carillon's relay in its own JVM for {@link RtpRelayBench}: the real {@link MediaEngine} (one epoll event
 * loop per core, default leg settings: NAT latching, connected sockets) and one {@link Bridge} per call.
 * Commands on stdin, one per line: {@code CALL aPort bPort} (a call whose A leg faces 127.0.0.1:aPort and B
 * leg 127.0.0.1:bPort; answers {@code LEG aLegPort bLegPort}), {@code MARK}, {@code STATS} (answers
 * {@code STATS key=value ...}: heap, bytes allocated and GC time since MARK, packets dropped by the legs).
 *
 * <p>usage: CarillonRelayMain first-rtp-port last-rtp-port
 */
public final class CarillonRelayMain {

    private CarillonRelayMain() {
    }

    public static void main(String[] args) throws Exception {
        var engine = new MediaEngine(new MediaEngine.Config("127.0.0.1", Integer.parseInt(args[0]),
                Integer.parseInt(args[1]), 0, true, new LegSettings(AddressLatch.Mode.LATCH_FIRST,
                Duration.ofSeconds(60), Duration.ofSeconds(5), 64 * 1024, true)));
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MediaLeg> legs = new ArrayList<>();
        long alloc0 = 0;
        long gc0 = 0;
        long gcCount0 = 0;
        var in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.split(" ");
            switch (w[0]) {
                case "CALL" -> {
                    MediaLeg a = engine.openLeg();
                    MediaLeg b = engine.openLegBeside(a);
                    a.apply(audio(Integer.parseInt(w[1]))).join();
                    b.apply(audio(Integer.parseInt(w[2]))).join();
                    Bridge.connect(a, b);
                    legs.add(a);
                    legs.add(b);
                    System.out.println("LEG " + a.localPort() + " " + b.localPort());
                }
                case "MARK" -> {
                    alloc0 = threads.getTotalThreadAllocatedBytes();
                    gc0 = gc(true);
                    gcCount0 = gc(false);
                    System.out.println("MARKED");
                }
                case "STATS" -> {
                    long dropped = 0;
                    for (MediaLeg leg : legs) {
                        var k = leg.statistics().counts();
                        dropped += k.malformed() + k.rejectedSource() + k.directionDropped() + k.unknownPayload()
                                + k.noTarget() + k.congested();
                    }
                    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                    System.out.printf("STATS heap_used=%d heap_committed=%d alloc_bytes=%d gc_ms=%d gc_count=%d "
                                    + "relay_dropped=%d native=%s%n", heap.getUsed(), heap.getCommitted(),
                            threads.getTotalThreadAllocatedBytes() - alloc0, gc(true) - gc0, gc(false) - gcCount0,
                            dropped, engine.nativeTransport());
                }
                case "QUIT" -> {
                    legs.forEach(MediaLeg::close);
                    engine.close();
                    return;
                }
                default -> System.out.println("ERROR unknown command " + w[0]);
            }
            System.out.flush();
        }
    }

    private static NegotiatedAudio audio(int port) {
        return new NegotiatedAudio(Optional.of(new InetSocketAddress("127.0.0.1", port)), AudioFormat.PCMU, 0, 0,
                OptionalInt.of(101), OptionalInt.of(101), 20, Direction.SENDRECV);
    }

    private static long gc(boolean millis) {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, millis ? gc.getCollectionTime() : gc.getCollectionCount());
        }
        return sum;
    }
}
