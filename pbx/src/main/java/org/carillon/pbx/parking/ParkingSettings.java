package org.carillon.pbx.parking;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;

import java.time.Duration;
import java.util.Optional;

/**
 * Parking's settings, each an environment variable: {@code CARILLON_PARKING_TIMEOUT_SECONDS} (120: a parked call
 * not retrieved by then rings the parker back) and {@code CARILLON_PARKING_FALLBACK} (empty: when the parker does not
 * answer the ring-back, the call is hung up; else an extension number rung next, then hang up).
 *
 * @param timeout  how long a call waits in its slot before the ring-back
 * @param fallback the extension rung when the parker does not answer
 */
public record ParkingSettings(Duration timeout, Optional<String> fallback) {

    public static ParkingSettings from(Settings s) {
        String raw = s.string("CARILLON_PARKING_TIMEOUT_SECONDS", "120");
        long seconds;
        try {
            seconds = Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > 86_400) {
            throw new InvalidSettingException("CARILLON_PARKING_TIMEOUT_SECONDS",
                    "'" + raw + "' must be a whole number of seconds from 1 to 86400");
        }
        Optional<String> fallback = s.optional("CARILLON_PARKING_FALLBACK").map(String::trim).filter(f -> !f.isEmpty());
        if (fallback.isPresent() && !fallback.get().matches("[0-9]{1,9}")) {
            throw new InvalidSettingException("CARILLON_PARKING_FALLBACK",
                    "'" + fallback.get() + "' must be an extension number");
        }
        return new ParkingSettings(Duration.ofSeconds(seconds), fallback);
    }
}
