package org.carillon.media.codec;

import java.util.List;
import java.util.Optional;

/** The codecs this build supports, found by their SDP format. Thread-safe. */
public final class Codecs {

    private static final List<Codec> ALL = List.of(G711Codec.PCMU, G711Codec.PCMA);

    private Codecs() {
    }

    /** The codec for {@code format}, matching encoding name (case-insensitively) and clock rate. */
    public static Optional<Codec> find(AudioFormat format) {
        return ALL.stream().filter(c -> c.format().encoding().equalsIgnoreCase(format.encoding())
                && c.format().clockRate() == format.clockRate()).findFirst();
    }

    /**
     * The codec for {@code format}.
     *
     * @throws IllegalArgumentException if none is supported
     */
    public static Codec require(AudioFormat format) {
        return find(format).orElseThrow(() -> new IllegalArgumentException("unsupported codec " + format));
    }
}
