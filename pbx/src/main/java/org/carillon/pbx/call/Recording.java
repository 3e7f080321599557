package org.carillon.pbx.call;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@link CallerSession#record} made: the finished file (renamed from its {@code .part} name, complete and
 * durable), how much audio it holds and why recording stopped.
 *
 * @param file     the WAV file (8 kHz mono PCM16)
 * @param length   audio length in the file
 * @param stoppedBy why it stopped
 */
public record Recording(Path file, Duration length, StoppedBy stoppedBy) {

    /** Why a recording stopped. */
    public enum StoppedBy {
        /** The caller pressed a terminator key ({@code #}). */
        KEY,
        /** The caller hung up. */
        HANG_UP,
        /** Nothing but silence for the silence timeout. */
        SILENCE,
        /** The maximum length was reached. */
        MAX_LENGTH
    }

    public Recording {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(stoppedBy, "stoppedBy");
    }

    /**
     * How to record.
     *
     * @param maxLength      recording stops by itself after this much audio
     * @param silenceTimeout stops after this long of continuous silence; {@link Duration#ZERO} turns it off
     * @param terminators    keys that stop the recording (not recorded), e.g. {@code "#"}
     */
    public record Spec(Duration maxLength, Duration silenceTimeout, String terminators) {
        public Spec {
            Objects.requireNonNull(maxLength, "maxLength");
            Objects.requireNonNull(silenceTimeout, "silenceTimeout");
            Objects.requireNonNull(terminators, "terminators");
            if (maxLength.isNegative() || maxLength.isZero()) {
                throw new IllegalArgumentException("maxLength must be positive");
            }
        }
    }
}
