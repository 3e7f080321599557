package org.carillon.pbx.security;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;

import java.time.Duration;

/**
 * Failed-authentication throttling for SIP (SECURITY.md): {@code CARILLON_SIP_BAN_FAILURES} failures (default 10)
 * within {@code CARILLON_SIP_BAN_WINDOW} seconds (300) ban the source address for {@code CARILLON_SIP_BAN_SECONDS}
 * (900).
 */
public record BanSettings(int failures, Duration window, Duration ban) {

    public static BanSettings from(Settings settings) {
        return new BanSettings(positive(settings, "CARILLON_SIP_BAN_FAILURES", 10),
                Duration.ofSeconds(positive(settings, "CARILLON_SIP_BAN_WINDOW", 300)),
                Duration.ofSeconds(positive(settings, "CARILLON_SIP_BAN_SECONDS", 900)));
    }

    private static int positive(Settings settings, String name, int fallback) {
        String raw = settings.string(name, Integer.toString(fallback));
        try {
            int v = Integer.parseInt(raw);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, "'" + raw + "' must be a positive whole number");
    }
}
