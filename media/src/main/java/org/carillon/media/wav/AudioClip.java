package org.carillon.media.wav;

/**
 * A sound in memory as 16-bit linear samples at 8 kHz mono: a prompt, a music-on-hold file.
 * The array is shared, not copied: treat it as read-only.
 *
 * @param name where the clip came from, for logs
 */
public record AudioClip(String name, short[] samples) {

    /** Length in milliseconds. */
    public long durationMillis() {
        return samples.length / 8L;
    }
}
