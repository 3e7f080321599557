package org.carillon.sip.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * The base timers of RFC 3261 §17.1.1.1 and Table 4, from which every transaction timer (A–M) is
 * derived. Defaults are the RFC's: T1 = 500 ms (RTT estimate), T2 = 4 s (cap on non-INVITE
 * retransmission interval), T4 = 5 s (time a message stays in the network).
 *
 * @param t1 round-trip estimate; also the first retransmission interval
 * @param t2 largest retransmission interval for non-INVITE requests and INVITE final responses
 * @param t4 longest time a message can stay in the network
 * @param d  Timer D for unreliable transports; at least 32 s per §17.1.1.2
 */
public record TimerConfig(Duration t1, Duration t2, Duration t4, Duration d) {

    /** RFC 3261 defaults: T1 500 ms, T2 4 s, T4 5 s, D 32 s. */
    public static final TimerConfig DEFAULT = new TimerConfig(Duration.ofMillis(500), Duration.ofSeconds(4),
            Duration.ofSeconds(5), Duration.ofSeconds(32));

    public TimerConfig {
        Objects.requireNonNull(t1, "t1");
        Objects.requireNonNull(t2, "t2");
        Objects.requireNonNull(t4, "t4");
        Objects.requireNonNull(d, "d");
        if (t1.isNegative() || t1.isZero() || t2.compareTo(t1) < 0 || t4.isNegative() || d.isNegative()) {
            throw new IllegalArgumentException("bad SIP timers: " + this);
        }
    }

    /**
     * 64·T1: Timers B, F, H, J (unreliable), L and M. Computed as seconds and nanoseconds apart:
     * {@code Duration.multipliedBy} goes through {@code BigDecimal} (about 0.6 kB of garbage per
     * call in a JFR allocation profile), and every non-INVITE server transaction asks for Timer J.
     */
    public Duration transactionTimeout() {
        return Duration.ofSeconds(Math.multiplyExact(t1.getSeconds(), 64L)).plusNanos(t1.getNano() * 64L);
    }

    /** Timer D: the configured value on unreliable transports, zero on reliable ones. */
    public Duration timerD(boolean reliable) {
        return reliable ? Duration.ZERO : d;
    }

    /** Timers I and K: T4 on unreliable transports, zero on reliable ones. */
    public Duration timerIorK(boolean reliable) {
        return reliable ? Duration.ZERO : t4;
    }

    /** Timer J: 64·T1 on unreliable transports, zero on reliable ones. */
    public Duration timerJ(boolean reliable) {
        return reliable ? Duration.ZERO : transactionTimeout();
    }

    /** min(2·interval, T2): the capped doubling of Timers E and G. */
    public Duration doubledCapped(Duration interval) {
        Duration doubled = interval.plus(interval); // not multipliedBy: see transactionTimeout
        return doubled.compareTo(t2) > 0 ? t2 : doubled;
    }
}
