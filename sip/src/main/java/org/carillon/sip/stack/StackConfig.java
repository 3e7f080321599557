package org.carillon.sip.stack;

import java.net.InetAddress;
import java.util.Objects;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.clock.WheelScheduler;
import org.carillon.sip.message.ParseMode;
import org.carillon.sip.transaction.TimerConfig;
import org.carillon.sip.transaction.TransactionContext;
import org.carillon.sip.transport.TransportConfig;

/**
 * Everything the stack is started with.
 *
 * @param transport listening point and limits
 * @param timers    T1, T2, T4, D
 * @param parseMode how strictly incoming messages are parsed ({@link ParseMode#WIRE} by default)
 * @param scheduler the clock for every timer; the stack closes it on {@code close()} if it is a
 *                  {@link WheelScheduler}
 * @param maxServerTransactions live server transactions beyond which new requests get a stateless
 *                  503 (a few kB each: the request, the state machine, the last response), not counting
 *                  non-INVITEs over UDP after their final response: those keep only the response and key
 *                  until Timer J, at most this many, the oldest pushed out first
 */
public record StackConfig(TransportConfig transport, TimerConfig timers, ParseMode parseMode, SipScheduler scheduler,
        int maxServerTransactions) {

    public StackConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(parseMode, "parseMode");
        Objects.requireNonNull(scheduler, "scheduler");
        if (maxServerTransactions < 1) {
            throw new IllegalArgumentException("maxServerTransactions must be positive");
        }
    }

    /**
     * RFC defaults on {@code address:port} (port 0: any free port), with a new wheel scheduler and
     * {@link TransactionContext#DEFAULT_MAX_SERVER_TRANSACTIONS}.
     */
    public static StackConfig defaults(InetAddress address, int port) {
        return new StackConfig(TransportConfig.defaults(address, port), TimerConfig.DEFAULT, ParseMode.WIRE,
                new WheelScheduler(), TransactionContext.DEFAULT_MAX_SERVER_TRANSACTIONS);
    }

    /** A copy with other timers. */
    public StackConfig withTimers(TimerConfig newTimers) {
        return new StackConfig(transport, newTimers, parseMode, scheduler, maxServerTransactions);
    }

    /** A copy with another transport configuration. */
    public StackConfig withTransport(TransportConfig newTransport) {
        return new StackConfig(newTransport, timers, parseMode, scheduler, maxServerTransactions);
    }

    /** A copy with another scheduler (a {@code FakeScheduler} in tests). */
    public StackConfig withScheduler(SipScheduler newScheduler) {
        return new StackConfig(transport, timers, parseMode, newScheduler, maxServerTransactions);
    }

    /** A copy with another bound on live server transactions. */
    public StackConfig withMaxServerTransactions(int max) {
        return new StackConfig(transport, timers, parseMode, scheduler, max);
    }
}
