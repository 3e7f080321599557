package org.carillon.pbx.call;

import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The session timer (RFC 4028) of a dialog the PBX opened as the UAC: a callee's leg. Our INVITE asks for our
 * interval with the PBX as the refresher; a callee that does timers says in its 2xx who refreshes. When it is us,
 * the leg sends a refresh (UPDATE, or an offerless re-INVITE to a callee that does not allow UPDATE) at half the
 * interval; a refresh answered 408 or 481, or timing out, ends the call (§10). When it is the callee, its re-INVITE
 * or UPDATE restarts the clock and, without one, the call ends a little before the interval is over (the lesser of
 * 32 s and a third). A callee whose 2xx carries no Session-Expires does not do timers: none run (§7.2).
 *
 * <p>Threads: the owner's executor only. Timer tasks are handed to {@code onOwner}, which runs them on the executor
 * of whichever call holds the leg when they fire (a transfer may move it), or drops them when none does.
 */
final class SessionRefresh {
    /** The smallest interval RFC 4028 allows (§4), and the Min-SE we send. */
    static final long MIN_SE = 90;
    /** RFC 4028's Min-SE header (not among the sip module's known names). */
    static final HeaderName MIN_SE_HEADER = HeaderName.of("Min-SE");

    /** What the timer asks of its leg. */
    interface Leg {
        /** Sends a refresh carrying {@code sessionExpires}; the outcome comes back through {@link #answered}. */
        void sendRefresh(String sessionExpires);

        /** The session expired: BYE the leg and end the call. */
        void expired();
    }

    /** A Session-Expires value: the interval and, when named, the refresher ({@code uac} or {@code uas}). */
    record Value(Duration interval, Optional<String> refresher) {
        static Optional<Value> of(SipMessage message) {
            return message.headers().first(HeaderName.SESSION_EXPIRES).flatMap(Value::parse);
        }

        static Optional<Value> parse(String raw) {
            String[] parts = raw.split(";");
            long seconds;
            try {
                seconds = Long.parseLong(parts[0].trim());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (seconds < 1) {
                return Optional.empty();
            }
            Optional<String> refresher = Optional.empty();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("refresher")) {
                    refresher = Optional.of(kv[1].trim().toLowerCase(Locale.ROOT));
                }
            }
            return Optional.of(new Value(Duration.ofSeconds(Math.max(MIN_SE, seconds)), refresher));
        }
    }

    private final SipScheduler scheduler;
    private final Consumer<Runnable> onOwner;
    private final Leg leg;
    private Duration interval = Duration.ZERO;
    private boolean weRefresh;
    private boolean refreshing;
    private boolean stopped;
    /** The dialog ended ({@link #stop}): unlike timers the callee turned off, nothing starts them again. */
    private boolean ended;
    private SipScheduler.Timeout timer;

    SessionRefresh(SipScheduler scheduler, Consumer<Runnable> onOwner, Leg leg) {
        this.scheduler = scheduler;
        this.onOwner = onOwner;
        this.leg = leg;
    }

    /** Asks for session timers in an initial INVITE: {@code interval}, the PBX refreshing (0: no timers). */
    static void ask(SipRequest invite, Duration interval) {
        if (interval.isZero()) {
            return;
        }
        invite.headers().add(HeaderName.SUPPORTED, "timer");
        invite.headers().add(HeaderName.SESSION_EXPIRES, Math.max(MIN_SE, interval.toSeconds()) + ";refresher=uac");
        invite.headers().add(MIN_SE_HEADER, Long.toString(MIN_SE));
    }

    /**
     * The headers of our 2xx to the callee's refresh: Session-Expires, and Require: timer when the callee said it
     * supports timers (RFC 4028 §9).
     */
    static void confirm(SipRequest refresh, SipResponse ok, String sessionExpires) {
        ok.headers().add(HeaderName.SESSION_EXPIRES, sessionExpires);
        boolean supported = refresh.headers().all(HeaderName.SUPPORTED).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).matches("(.*[ ,])?timer([ ,].*)?"));
        if (supported) {
            ok.headers().add(HeaderName.REQUIRE, "timer");
        }
    }

    /** The callee's 2xx to our INVITE: runs the timer it agreed to, if any. */
    void answered(SipResponse ok) {
        Value.of(ok).ifPresent(v -> run(v.interval(), !v.refresher().equals(Optional.of("uas"))));
    }

    /**
     * The outcome of our refresh: a final status (408 when it timed out, 503 when it could not be sent) and the 2xx,
     * if that is what came.
     */
    void refreshAnswered(int status, Optional<SipResponse> ok) {
        refreshing = false;
        if (stopped) {
            return;
        }
        if (status >= 200 && status < 300) {
            Optional<Value> v = ok.flatMap(Value::of);
            if (v.isPresent()) {
                run(v.get().interval(), !v.get().refresher().equals(Optional.of("uas")));
            } else {
                off(); // the callee turned timers off (§7.4)
            }
        } else if (status == 408 || status == 481) {
            expire();
        } else {
            arm(Duration.ofSeconds(Math.max(1, interval.toSeconds() / 4))); // 491, 5xx…: the session goes on; retry
        }
    }

    /**
     * The callee sent a refresh (a re-INVITE or UPDATE in the dialog): restarts the clock on what it asks.
     *
     * @return the Session-Expires of our 2xx; empty when the request carries none (the callee turns timers off)
     */
    Optional<String> refreshedByPeer(SipRequest request) {
        if (ended) {
            return Optional.empty(); // a refresh crossing the BYE: the session is over, no timer starts again
        }
        Optional<Value> v = Value.of(request);
        if (v.isEmpty()) {
            off(); // a refresh without Session-Expires turns timers off; a later one may turn them on (§9)
            return Optional.empty();
        }
        // the callee is the UAC of its own refresh: "uac" (or no choice) keeps it refreshing, "uas" hands it to us
        boolean us = v.get().refresher().equals(Optional.of("uas"));
        stopped = false;
        run(v.get().interval(), us);
        return Optional.of(interval.toSeconds() + ";refresher=" + (us ? "uas" : "uac"));
    }

    /** The dialog ended: no more refreshes, and no refresh of the callee's starts the timer again. */
    void stop() {
        ended = true;
        off();
    }

    /** Timers off for now: the callee's choice (§7.4), which its next refresh may change. */
    private void off() {
        stopped = true;
        cancel();
    }

    /** The interval in force (zero: none). */
    Duration interval() {
        return interval;
    }

    /** Whether the PBX is the refresher. */
    boolean weRefresh() {
        return weRefresh;
    }

    private void run(Duration agreed, boolean us) {
        interval = agreed;
        weRefresh = us;
        long s = interval.toSeconds();
        arm(us ? Duration.ofSeconds(s / 2) : Duration.ofSeconds(s - Math.min(32, s / 3)));
    }

    private void arm(Duration delay) {
        cancel();
        timer = scheduler.schedule(delay, () -> onOwner.accept(this::due));
    }

    private void due() {
        if (stopped) {
            return;
        }
        if (!weRefresh) {
            expire(); // the callee did not refresh in time
        } else if (!refreshing) {
            refreshing = true;
            leg.sendRefresh(interval.toSeconds() + ";refresher=uac");
        }
    }

    private void expire() {
        stop();
        leg.expired();
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
