package org.carillon.pbx.team;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/**
 * How a team offers a waiting caller to its ready agents:
 * <ul>
 *   <li>{@code ring_all} — every ready agent at once; the first to answer takes the call;</li>
 *   <li>{@code hunt} — one at a time in member order, always starting from the first;</li>
 *   <li>{@code round_robin} — one at a time, starting after the member offered the previous call;</li>
 *   <li>{@code longest_idle} — the ready agent free for the longest time (since its last call or login);</li>
 *   <li>{@code random} — a ready agent chosen uniformly at random.</li>
 * </ul>
 */
public enum Strategy {
    RING_ALL, HUNT, ROUND_ROBIN, LONGEST_IDLE, RANDOM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; empty when it names no strategy. */
    public static Optional<Strategy> find(String wire) {
        for (Strategy s : values()) {
            if (wire != null && s.wire().equals(wire.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException for an unknown name (Jackson turns it into a 400) */
    @JsonCreator
    public static Strategy ofWire(String wire) {
        return find(wire).orElseThrow(() -> new IllegalArgumentException("unknown strategy " + wire));
    }
}
