package org.carillon.sip.stack;

import java.net.InetAddress;
import java.util.Objects;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.clock.WheelScheduler;
import org.carillon.sip.message.ParseMode;
import org.carillon.sip.transaction.TimerConfig;
import org.carillon.sip.transport.TransportConfig;

/**
 * Everything the stack is started with.
 *
 * @param transport listening point and limits
 * @param timers    T1, T2, T4, D
 * @param parseMode how strictly incoming messages are parsed ({@link ParseMode#WIRE} by default)
 * @param scheduler the clock for every timer; the stack closes it on {@code close()} if it is a
 *                  {@link WheelScheduler} it created
 */
public record StackConfig(TransportConfig transport, TimerConfig timers, ParseMode parseMode, SipScheduler scheduler) {

    public StackConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(parseMode, "parseMode");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** RFC defaults on {@code address:port} (port 0: any free port), with a new wheel scheduler. */
    public static StackConfig defaults(InetAddress address, int port) {
        return new StackConfig(TransportConfig.defaults(address, port), TimerConfig.DEFAULT, ParseMode.WIRE,
                new WheelScheduler());
    }

    /** A copy with other timers. */
    public StackConfig withTimers(TimerConfig newTimers) {
        return new StackConfig(transport, newTimers, parseMode, scheduler);
    }

    /** A copy with another transport configuration. */
    public StackConfig withTransport(TransportConfig newTransport) {
        return new StackConfig(newTransport, timers, parseMode, scheduler);
    }
}
