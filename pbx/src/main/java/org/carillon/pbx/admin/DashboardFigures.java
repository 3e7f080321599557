package org.carillon.pbx.admin;

import org.carillon.pbx.call.CallService;
import org.carillon.pbx.cdr.CdrStore;
import org.carillon.pbx.registrar.Registered;
import org.carillon.pbx.registrar.Registrar;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.voicemail.VoicemailStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's figures for an admin (SPEC §5): registered devices, calls now, calls today per hour in the tenant's
 * time zone, voicemail waiting. Each call reads the live state (registrar, call registry) or one query.
 *
 * <p>Threads: thread-safe (stateless).
 */
@Component
public class DashboardFigures {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");
    private final Registrar registrar;
    private final CallService calls;
    private final CdrStore cdrs;
    private final VoicemailStore voicemail;
    private final Clock clock;

    public DashboardFigures(Registrar registrar, CallService calls, CdrStore cdrs, VoicemailStore voicemail,
                            Clock clock) {
        this.registrar = registrar;
        this.calls = calls;
        this.cdrs = cdrs;
        this.voicemail = voicemail;
        this.clock = clock;
    }

    /** What changes from second to second: registered devices and calls now. */
    public Live live(Tenant tenant) {
        return new Live(registrar.registered(tenant.id()), calls.active(tenant.id()).size());
    }

    /** The calls started since local midnight, one bar per hour of today (23 or 25 on a daylight-saving day). */
    public Today today(Tenant tenant) {
        Instant now = clock.instant();
        ZonedDateTime midnight = now.atZone(tenant.timeZone()).toLocalDate().atStartOfDay(tenant.timeZone());
        Instant start = midnight.toInstant();
        Instant end = midnight.toLocalDate().plusDays(1).atStartOfDay(tenant.timeZone()).toInstant();
        int hours = (int) Duration.between(start, end).toHours();
        long[] counts = cdrs.countPerHour(tenant.id(), start, hours);
        long max = 0;
        long total = 0;
        for (long c : counts) {
            max = Math.max(max, c);
            total += c;
        }
        List<Hour> bars = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            Instant from = start.plusSeconds(3600L * i);
            bars.add(new Hour(i, HOUR.format(from.atZone(tenant.timeZone())), counts[i],
                    counts[i] == 0 ? 0 : (int) Math.max(1, Math.round(100.0 * counts[i] / max)), !from.isAfter(now)));
        }
        return new Today(bars, total, max);
    }

    /** Unheard messages in all of the tenant's mailboxes. */
    public int voicemailWaiting(Tenant tenant) {
        return voicemail.countNewInTenant(tenant.id());
    }

    /** Registered devices and calls now. */
    public record Live(Registered registered, int callsNow) {
    }

    /** Today's calls per hour, their total and the busiest hour's count (the chart's scale). */
    public record Today(List<Hour> hours, long total, long max) {
    }

    /**
     * One bar: the hour's index since midnight, its local start ("09:00"), its calls, its height in percent of the
     * busiest hour (at least 1 when it had a call), and whether it has begun.
     */
    public record Hour(int index, String label, long calls, int percent, boolean begun) {
    }
}
