package org.carillon.pbx.parking;

import org.carillon.pbx.call.Destination;

import java.time.Duration;

/**
 * A tenant's parking settings: how long a parked call waits before it rings the parker back, and where it goes when
 * the parker does not answer ({@code extension}: rung next, then hang up; {@code team}, {@code voicemail},
 * {@code prompt}: handed to that application; {@code hangup}: the call ends).
 *
 * @param timeoutSeconds {@value #MIN_TIMEOUT}–{@value #MAX_TIMEOUT} when saved by an admin
 * @param fallback       one of {@link ParkingPolicyService#FALLBACKS}
 */
public record ParkingPolicy(int timeoutSeconds, Destination fallback) {
    public static final int MIN_TIMEOUT = 10;
    public static final int MAX_TIMEOUT = 3600;

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The policy of a tenant that saved none: the environment's settings. */
    static ParkingPolicy from(ParkingSettings s) {
        return new ParkingPolicy((int) Math.min(Integer.MAX_VALUE, s.timeout().toSeconds()),
                s.fallback().map(Destination::extension).orElse(new Destination(Destination.Type.HANGUP, "")));
    }
}
