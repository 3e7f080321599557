package org.carillon.pbx.call;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.carillon.media.leg.LegStatistics;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;

/**
 * {@code GET /api/v1/media/stats}: the media engine's figures for monitoring and for {@code bench/calls}'s
 * concurrent-call run (which counts lost packets and memory per call from them): open RTP legs, packet counts of
 * every leg since start, and the JVM's memory (heap, NIO direct buffers, Netty's buffer pool).
 */
@RestController
@Allowed(Permission.SECURITY)
public class MediaStatsController {
    private final CallMedia media;

    public MediaStatsController(CallMedia media) {
        this.media = media;
    }

    /**
     * @param openLegs        RTP legs open now (two per anchored call)
     * @param packets         counts over every leg since start: in, out, and each reason a packet was not forwarded
     * @param heapUsedBytes   Java heap in use (live objects and garbage not yet collected)
     * @param directBytes     NIO direct buffers (the JDK's "direct" pool)
     * @param nettyDirectBytes direct memory held by Netty's default buffer allocator, -1 when it does not say
     */
    public record Stats(int openLegs, LegStatistics.Counts packets, long heapUsedBytes, long directBytes,
                        long nettyDirectBytes) {
    }

    @GetMapping("/api/v1/media/stats")
    public Stats stats() {
        var census = media.engine().census();
        long direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        long netty = ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider p
                ? p.metric().usedDirectMemory() : -1;
        return new Stats(census.openLegs(), census.totals(),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), direct, netty);
    }
}
