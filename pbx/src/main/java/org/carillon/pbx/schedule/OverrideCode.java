package org.carillon.pbx.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The digits dialled after the schedule override code ({@code *28} by default), as a pure function of (digits, now,
 * zone): {@code 1} forces the tenant's schedule open, {@code 2} closed, {@code 0} lifts the override. After {@code 1}
 * or {@code 2}, four more digits {@code HHMM} give the end as a wall-clock time in the tenant's zone — its next
 * occurrence after now (tomorrow's when today's has passed); without them the override ends at the next local
 * midnight, so a forgotten override never outlives the day. On DST days a time skipped by the spring-forward gap
 * moves forward by the gap's length (02:30 becomes 03:30), and a time repeated by the fall-back overlap means its first
 * occurrence — the rule of {@link ZonedDateTime#of}.
 *
 * <p>Pure; thread-safe.
 */
public final class OverrideCode {
    private OverrideCode() {
    }

    /**
     * What the caller asked for.
     *
     * @param mode  open or closed; empty to lift the override
     * @param until when a forced mode ends (empty when lifting)
     */
    public record Request(Optional<ScheduleOverride.Mode> mode, Optional<Instant> until) {
    }

    /** The request {@code digits} make at {@code now}; empty when they are not one of the forms above. */
    public static Optional<Request> parse(String digits, Instant now, ZoneId zone) {
        if (digits.equals("0")) {
            return Optional.of(new Request(Optional.empty(), Optional.empty()));
        }
        boolean shape = digits.length() == 1 || digits.length() == 5;
        if (!shape || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        ScheduleOverride.Mode mode = switch (digits.charAt(0)) {
            case '1' -> ScheduleOverride.Mode.OPEN;
            case '2' -> ScheduleOverride.Mode.CLOSED;
            default -> null;
        };
        if (mode == null) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        Instant until;
        if (digits.length() == 1) {
            until = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        } else {
            LocalTime time;
            try {
                time = LocalTime.of(Integer.parseInt(digits.substring(1, 3)), Integer.parseInt(digits.substring(3, 5)));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
            LocalDate day = local.toLocalDate();
            until = ZonedDateTime.of(day, time, zone).toInstant();
            if (!until.isAfter(now)) {
                until = ZonedDateTime.of(day.plusDays(1), time, zone).toInstant();
            }
        }
        return Optional.of(new Request(Optional.of(mode), Optional.of(until)));
    }
}
