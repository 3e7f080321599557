package org.carillon.pbx.call;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;

import java.time.Duration;
import java.util.Optional;

/**
 * The call engine's settings, each an environment variable:
 * {@code CARILLON_RTP_PORTS} (10000-20000), {@code CARILLON_EXTERNAL_ADDRESS} (address in SDP and Contact; empty:
 * the bind address), {@code CARILLON_CALL_NO_ANSWER_SECONDS} (30: ringing stops and, without call profiles, the
 * caller goes to the callee's voicemail — 480 when it has none),
 * {@code CARILLON_CALL_MAX_SECONDS} (14400: a call is ended after 4 h), {@code CARILLON_CALL_RTP_TIMEOUT_SECONDS}
 * (60: an answered leg that sends no RTP for this long is hung up; 0 turns it off) and
 * {@code CARILLON_CALL_SESSION_EXPIRES_SECONDS} (1800: RFC 4028 session interval we ask for; 0 turns timers off).
 */
public record CallSettings(int rtpLow, int rtpHigh, Optional<String> externalAddress, Duration noAnswer,
                           Duration maxDuration, Duration rtpTimeout, Duration sessionExpires) {

    public static CallSettings from(Settings s) {
        var range = s.portRange("CARILLON_RTP_PORTS", "10000-20000");
        return new CallSettings(range.low(), range.high(), s.optional("CARILLON_EXTERNAL_ADDRESS"),
                seconds(s, "CARILLON_CALL_NO_ANSWER_SECONDS", 30, 1),
                seconds(s, "CARILLON_CALL_MAX_SECONDS", 14_400, 1),
                seconds(s, "CARILLON_CALL_RTP_TIMEOUT_SECONDS", 60, 0),
                seconds(s, "CARILLON_CALL_SESSION_EXPIRES_SECONDS", 1800, 0));
    }

    private static Duration seconds(Settings s, String name, long fallback, long min) {
        String raw = s.string(name, Long.toString(fallback));
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= 7 * 86_400) {
                return Duration.ofSeconds(v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidSettingException(name, "'" + raw + "' must be a whole number of seconds from " + min);
    }
}
