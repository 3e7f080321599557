package org.carillon.media.play;

/**
 * A stream of 8 kHz 16-bit linear samples: a clip, a tone cadence, a looping music file. Not thread-safe;
 * read by one player on its scheduler's thread.
 */
@FunctionalInterface
public interface AudioSource {

    /**
     * Fills up to {@code length} samples into {@code buffer[offset]}.
     *
     * @return samples written; fewer than {@code length} means the source has ended
     */
    int read(short[] buffer, int offset, int length);
}
