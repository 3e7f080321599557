package org.carillon.portal.view;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants for templates, always in UTC: {@code ${@dates.day(i.issuedAt())}} → {@code 2026-11-27}. */
@Component("dates")
public class DateFormat {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String day(Instant instant) {
        return DAY.format(instant);
    }

    public String minute(Instant instant) {
        return MINUTE.format(instant);
    }
}
