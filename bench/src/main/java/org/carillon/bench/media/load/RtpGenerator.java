package org.carillon.bench.media.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The load: {@code calls} bidirectional G.711 calls, one 172-byte RTP packet (20 ms of PCMU) per call and
 * direction every 20 ms, each side of each call from its own non-blocking, connected {@link DatagramChannel}
 * — as phones would. Several worker threads each own a slice of the calls: the slice is cut into bursts whose
 * start times are spread over the 20 ms period; a burst's packets go out in one tight loop, and between bursts
 * the thread reads whatever its {@link Selector} reports (one datagram per ready socket and select). Every
 * payload carries its send time ({@link System#nanoTime}), so the receiver gets the one-way time through the
 * relay (two loopback hops plus the relay; the generator's own scheduling delay is part of it, so the figure
 * is an upper bound of the relay's added latency).
 *
 * <p>Counting: a packet belongs to the measured window when its send time lies in [mark, stop); it is lost if
 * it has not come back 500 ms after the stop. Latency histogram: 10 µs buckets up to 1 s.
 */
final class RtpGenerator implements AutoCloseable {

    static final long PERIOD_NANOS = 20_000_000;
    private static final int PAYLOAD = 160;
    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 100_000;
    private static final int BURST_CALLS = 25;

    private final int calls;
    private final DatagramChannel[] sideA;
    private final DatagramChannel[] sideB;
    private final List<Worker> workers = new ArrayList<>();
    private volatile long markNanos = Long.MAX_VALUE;
    private volatile long stopNanos = Long.MAX_VALUE;
    private volatile boolean running = true;

    /** Binds {@code 2 × calls} sockets on 127.0.0.1 (OS-chosen ports). */
    RtpGenerator(int calls) {
        this.calls = calls;
        sideA = new DatagramChannel[calls];
        sideB = new DatagramChannel[calls];
        try {
            for (int c = 0; c < calls; c++) {
                sideA[c] = open();
                sideB[c] = open();
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    private static DatagramChannel open() throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 256 * 1024);
        ch.bind(new InetSocketAddress("127.0.0.1", 0));
        ch.configureBlocking(false);
        return ch;
    }

    int[] ports(boolean a) {
        int[] ports = new int[calls];
        for (int c = 0; c < calls; c++) {
            ports[c] = ((InetSocketAddress) localAddress(a ? sideA[c] : sideB[c])).getPort();
        }
        return ports;
    }

    private static java.net.SocketAddress localAddress(DatagramChannel ch) {
        try {
            return ch.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects side A of call c to relay port {@code targets[0][c]} and B to {@code targets[1][c]}; starts sending. */
    void start(int[][] targets, int threads) throws IOException {
        for (int c = 0; c < calls; c++) {
            sideA[c].connect(new InetSocketAddress("127.0.0.1", targets[0][c]));
            sideB[c].connect(new InetSocketAddress("127.0.0.1", targets[1][c]));
        }
        long start = System.nanoTime() + 50_000_000;
        for (int t = 0; t < threads; t++) {
            int from = calls * t / threads;
            int to = calls * (t + 1) / threads;
            var w = new Worker(t, threads, from, to, start);
            workers.add(w);
            w.thread.start();
        }
    }

    /** Starts the measured window now. */
    void mark() {
        markNanos = System.nanoTime();
    }

    /** Ends the window: sending stops now, receiving 500 ms later; returns the merged figures. */
    Figures stop() throws InterruptedException {
        stopNanos = System.nanoTime();
        Thread.sleep(500);
        running = false;
        var total = new Figures(new long[BUCKETS + 1]);
        for (Worker w : workers) {
            w.thread.join();
            total.add(w.figures);
        }
        return total;
    }

    /** What the generator saw in the window. */
    static final class Figures {
        final long[] histogram;
        long sent;
        long received;
        long sendFailures;
        long skippedPeriods;
        long staleReads;

        Figures(long[] histogram) {
            this.histogram = histogram;
        }

        void add(Figures o) {
            sent += o.sent;
            received += o.received;
            sendFailures += o.sendFailures;
            skippedPeriods += o.skippedPeriods;
            staleReads += o.staleReads;
            for (int i = 0; i < histogram.length; i++) {
                histogram[i] += o.histogram[i];
            }
        }

        /** The latency below which a fraction {@code q} of received packets lie, in milliseconds. */
        double percentileMillis(double q) {
            long target = (long) Math.ceil(received * q);
            long seen = 0;
            for (int i = 0; i < histogram.length; i++) {
                seen += histogram[i];
                if (seen >= target && target > 0) {
                    return (i + 1) * BUCKET_NANOS / 1e6;
                }
            }
            return Double.NaN;
        }
    }

    private final class Worker implements Runnable {
        final Thread thread;
        final Figures figures = new Figures(new long[BUCKETS + 1]);
        final int from;
        final int to;
        final long[] burstOffsets;
        final long start;
        final Selector selector;
        final ByteBuffer out = ByteBuffer.allocateDirect(12 + PAYLOAD).order(ByteOrder.BIG_ENDIAN);
        final ByteBuffer in = ByteBuffer.allocateDirect(2048).order(ByteOrder.BIG_ENDIAN);

        Worker(int index, int threads, int from, int to, long start) throws IOException {
            this.from = from;
            this.to = to;
            int bursts = Math.max(1, (to - from + BURST_CALLS - 1) / BURST_CALLS);
            burstOffsets = new long[bursts];
            for (int b = 0; b < bursts; b++) { // threads interleave their bursts over the period
                burstOffsets[b] = (PERIOD_NANOS * b + PERIOD_NANOS * index / threads) / bursts;
            }
            this.start = start;
            selector = Selector.open();
            for (int c = from; c < to; c++) {
                sideA[c].register(selector, SelectionKey.OP_READ);
                sideB[c].register(selector, SelectionKey.OP_READ);
            }
            for (int i = 12; i < 12 + PAYLOAD; i++) {
                out.put(i, (byte) 0xFF); // µ-law silence
            }
            thread = Thread.ofPlatform().name("rtp-gen-" + index).unstarted(this);
        }

        @Override
        public void run() {
            try {
                long period = 0;
                while (running) {
                    long behind = System.nanoTime() - (start + period * PERIOD_NANOS);
                    if (behind > 2 * PERIOD_NANOS) { // starved by the scheduler: skip, do not burst the backlog
                        long skip = behind / PERIOD_NANOS - 1;
                        period += skip;
                        if (System.nanoTime() >= markNanos && System.nanoTime() < stopNanos) {
                            figures.skippedPeriods += skip;
                        }
                    }
                    for (int b = 0; b < burstOffsets.length && running; b++) {
                        long due = start + period * PERIOD_NANOS + burstOffsets[b];
                        receiveUntil(due);
                        if (System.nanoTime() < stopNanos) {
                            sendBurst(b, (int) period);
                        }
                    }
                    period++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // the channels are closed by the generator
                }
            }
        }

        /** Receives until {@code due}; always drains once first, so a late thread still reads before it sends. */
        private void receiveUntil(long due) throws IOException {
            boolean first = true;
            while (running) {
                long wait = due - System.nanoTime();
                if (wait <= 0 && !first) {
                    return;
                }
                first = false;
                int ready = wait >= 1_000_000 ? selector.select(wait / 1_000_000) : selector.selectNow();
                if (ready == 0 && wait > 0 && wait < 1_000_000) {
                    LockSupport.parkNanos(Math.min(wait, 100_000));
                }
                var keys = selector.selectedKeys();
                for (SelectionKey key : keys) {
                    drain((DatagramChannel) key.channel());
                }
                keys.clear();
            }
        }

        /**
         * Reads one datagram: the selector is level-triggered, so a socket with more waiting is reported again on
         * the next select, and a socket with one packet (the usual case at 20 ms) costs one read, not a second
         * read that only returns "nothing more".
         */
        private void drain(DatagramChannel ch) throws IOException {
            in.clear();
            try {
                if (ch.read(in) <= 0) {
                    return;
                }
            } catch (java.net.PortUnreachableException relayNotThereYet) {
                return; // an ICMP error from an earlier send: nothing to read
            }
            long now = System.nanoTime();
            if (in.position() < 20) {
                return;
            }
            long sentAt = in.getLong(12);
            if (now >= markNanos && now < stopNanos && sentAt < markNanos - 1_000_000_000L) {
                figures.staleReads++; // read in the window, sent more than 1 s before it: the generator is behind
            }
            if (sentAt >= markNanos && sentAt < stopNanos) {
                figures.received++;
                figures.histogram[(int) Math.min(BUCKETS, Math.max(0, (now - sentAt) / BUCKET_NANOS))]++;
            }
        }

        private void sendBurst(int burst, int period) throws IOException {
            int first = from + burst * BURST_CALLS;
            int last = Math.min(to, first + BURST_CALLS);
            for (int c = first; c < last; c++) {
                send(sideA[c], c, period);
                send(sideB[c], c, period);
            }
        }

        private void send(DatagramChannel ch, int call, int period) throws IOException {
            long now = System.nanoTime();
            out.clear();
            out.put(0, (byte) 0x80).put(1, (byte) 0).putShort(2, (short) period).putInt(4, period * 160)
                    .putInt(8, call).putLong(12, now);
            boolean counted = now >= markNanos && now < stopNanos;
            int n;
            try {
                n = ch.write(out);
            } catch (java.net.PortUnreachableException relayNotThereYet) {
                n = 0;
            }
            if (counted) {
                if (n > 0) {
                    figures.sent++;
                } else {
                    figures.sendFailures++;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (DatagramChannel[] side : new DatagramChannel[][] {sideA, sideB}) {
            for (DatagramChannel ch : side) {
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // best effort at the end of a run
                    }
                }
            }
        }
    }
}
