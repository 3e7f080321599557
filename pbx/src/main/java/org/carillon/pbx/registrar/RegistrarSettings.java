package org.carillon.pbx.registrar;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;

import java.time.Duration;

/**
 * Registrar limits (SPEC §1), each an environment setting:
 * {@code CARILLON_REGISTRAR_MAX_CONTACTS} (5; the oldest binding is replaced beyond it),
 * {@code CARILLON_REGISTRAR_MIN_EXPIRES} / {@code _DEFAULT_EXPIRES} / {@code _MAX_EXPIRES} (60 / 600 / 3600 s),
 * {@code CARILLON_REGISTRAR_KEEPALIVE_SECONDS} (30 s between OPTIONS pings; 0 turns them off) and
 * {@code CARILLON_REGISTRAR_UNREACHABLE_AFTER} (10 s without an answer marks a device unreachable).
 */
public record RegistrarSettings(int maxContacts, long minExpires, long defaultExpires, long maxExpires,
                                Duration keepAlive, Duration keepAliveTimeout) {

    public static RegistrarSettings defaults() {
        return new RegistrarSettings(5, 60, 600, 3600, Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** @throws InvalidSettingException for a non-number or min &gt; default &gt; max */
    public static RegistrarSettings from(Settings s) {
        var r = new RegistrarSettings((int) number(s, "CARILLON_REGISTRAR_MAX_CONTACTS", 5, 1),
                number(s, "CARILLON_REGISTRAR_MIN_EXPIRES", 60, 1),
                number(s, "CARILLON_REGISTRAR_DEFAULT_EXPIRES", 600, 1),
                number(s, "CARILLON_REGISTRAR_MAX_EXPIRES", 3600, 1),
                Duration.ofSeconds(number(s, "CARILLON_REGISTRAR_KEEPALIVE_SECONDS", 30, 0)),
                Duration.ofSeconds(number(s, "CARILLON_REGISTRAR_UNREACHABLE_AFTER", 10, 1)));
        if (r.minExpires > r.defaultExpires || r.defaultExpires > r.maxExpires) {
            throw new InvalidSettingException("CARILLON_REGISTRAR_DEFAULT_EXPIRES",
                    "needs MIN_EXPIRES <= DEFAULT_EXPIRES <= MAX_EXPIRES");
        }
        return r;
    }

    private static long number(Settings s, String name, long fallback, long min) {
        String raw = s.string(name, Long.toString(fallback));
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= 86_400 * 7) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, "'" + raw + "' must be a whole number from " + min);
    }
}
