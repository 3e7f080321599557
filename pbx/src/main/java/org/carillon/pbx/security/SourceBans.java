package org.carillon.pbx.security;

import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed SIP authentications per source address and bans an address that fails too often (SECURITY.md;
 * {@link BanSettings}). Time comes from the injected {@link Clock}, so tests move it instead of waiting, and
 * {@link #reset()} clears everything between tests sharing 127.0.0.1 (STACK-NOTES.md).
 *
 * <p>Threads: thread-safe. Memory: at most {@code failures} instants per address seen failing in the window;
 * {@link #purge()} drops idle entries.
 */
@Component
public class SourceBans {
    private final Clock clock;
    private final BanSettings settings;
    private final ConcurrentHashMap<InetAddress, Entry> entries = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    public SourceBans(Clock clock, Settings settings) {
        this(clock, BanSettings.from(settings));
    }

    SourceBans(Clock clock, BanSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    private static final class Entry {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant bannedUntil = Instant.MIN;
        int failuresAtBan;
    }

    /** Records one failed authentication; returns true when the address is now banned. */
    public boolean recordFailure(InetAddress address) {
        Instant now = clock.instant();
        Entry e = entries.computeIfAbsent(address, a -> new Entry());
        synchronized (e) {
            Instant since = now.minus(settings.window());
            while (!e.failures.isEmpty() && e.failures.peekFirst().isBefore(since)) {
                e.failures.pollFirst();
            }
            e.failures.addLast(now);
            if (e.failures.size() >= settings.failures()) {
                e.bannedUntil = now.plus(settings.ban());
                e.failuresAtBan = e.failures.size();
                e.failures.clear();
            }
            return e.bannedUntil.isAfter(now);
        }
    }

    /** True while the address is banned. */
    public boolean isBanned(InetAddress address) {
        Entry e = entries.get(address);
        if (e == null) {
            return false;
        }
        synchronized (e) {
            return e.bannedUntil.isAfter(clock.instant());
        }
    }

    /** The bans in force, latest ending first. */
    public List<Ban> bans() {
        Instant now = clock.instant();
        return entries.entrySet().stream().filter(x -> x.getValue().bannedUntil.isAfter(now))
                .map(x -> new Ban(x.getKey().getHostAddress(), x.getValue().bannedUntil, x.getValue().failuresAtBan))
                .sorted(Comparator.comparing(Ban::until).reversed()).toList();
    }

    /** Lifts a ban (and forgets the failures) of an address; true when it was banned. */
    public boolean lift(InetAddress address) {
        Entry e = entries.remove(address);
        return e != null && e.bannedUntil.isAfter(clock.instant());
    }

    /** Forgets every failure and ban (tests). */
    public void reset() {
        entries.clear();
    }

    /** Drops entries with neither a ban in force nor a failure in the window. */
    public void purge() {
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        entries.entrySet().removeIf(x -> {
            synchronized (x.getValue()) {
                Entry e = x.getValue();
                return !e.bannedUntil.isAfter(now) && (e.failures.isEmpty() || e.failures.peekLast().isBefore(since));
            }
        });
    }
}
