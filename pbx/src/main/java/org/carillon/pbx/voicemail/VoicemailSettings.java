package org.carillon.pbx.voicemail;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;

import java.time.Duration;

/**
 * Voicemail's settings, each an environment variable: {@code CARILLON_VOICEMAIL_MIN_SECONDS} (1: shorter messages
 * are discarded — a caller who hangs up at the greeting leaves nothing), {@code CARILLON_VOICEMAIL_SILENCE_SECONDS}
 * (10: a recording stops after this much silence; 0 turns it off).
 */
record VoicemailSettings(Duration minLength, Duration silenceTimeout) {

    static VoicemailSettings from(Settings s) {
        return new VoicemailSettings(seconds(s, "CARILLON_VOICEMAIL_MIN_SECONDS", 1),
                seconds(s, "CARILLON_VOICEMAIL_SILENCE_SECONDS", 10));
    }

    private static Duration seconds(Settings s, String name, int fallback) {
        String raw = s.string(name, Integer.toString(fallback));
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= 0 && v <= 3600) {
                return Duration.ofSeconds(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, "'" + raw + "' must be a whole number of seconds from 0 to 3600");
    }
}
