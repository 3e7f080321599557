package org.carillon.pbx.subscription;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;

import java.time.Duration;
import java.util.Optional;

/**
 * SUBSCRIBE/NOTIFY settings, each an environment variable: {@code CARILLON_SUBSCRIPTION_MIN_EXPIRES} (60 s: shorter
 * requests get 423 with Min-Expires), {@code CARILLON_SUBSCRIPTION_MAX_EXPIRES} (3600 s: longer requests are cut
 * down), {@code CARILLON_SUBSCRIPTION_MAX_FAILURES} (3: a watcher whose NOTIFYs time out or fail this many times in a
 * row is dropped), {@code CARILLON_SUBSCRIPTION_COALESCE_MS} (50 ms: state changes of one resource within this window
 * become one NOTIFY per watcher) and {@code CARILLON_SUBSCRIPTION_MAX_PER_EXTENSION} (200: live subscriptions one extension's devices may hold;
 * beyond it a new SUBSCRIBE gets 503 with Retry-After) and {@code CARILLON_EXTERNAL_ADDRESS} (the address in our
 * Contact).
 */
public record SubscriptionSettings(int minExpires, int maxExpires, int maxFailures, Duration coalesce,
                                   int maxPerExtension, Optional<String> externalAddress) {

    public static SubscriptionSettings from(Settings s) {
        int min = number(s, "CARILLON_SUBSCRIPTION_MIN_EXPIRES", 60, 1, 86_400);
        int max = number(s, "CARILLON_SUBSCRIPTION_MAX_EXPIRES", 3600, min, 86_400);
        return new SubscriptionSettings(min, max, number(s, "CARILLON_SUBSCRIPTION_MAX_FAILURES", 3, 1, 100),
                Duration.ofMillis(number(s, "CARILLON_SUBSCRIPTION_COALESCE_MS", 50, 0, 5000)),
                number(s, "CARILLON_SUBSCRIPTION_MAX_PER_EXTENSION", 200, 1, 100_000),
                s.optional("CARILLON_EXTERNAL_ADDRESS"));
    }

    private static int number(Settings s, String name, int fallback, int min, int max) {
        String raw = s.string(name, Integer.toString(fallback));
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, "'" + raw + "' must be a whole number from " + min + " to " + max);
    }
}
