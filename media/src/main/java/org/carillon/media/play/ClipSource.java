package org.carillon.media.play;

import org.carillon.media.wav.AudioClip;

/** Plays an {@link AudioClip} once, or forever when looping (music on hold). */
public final class ClipSource implements AudioSource {

    private final short[] samples;
    private final boolean loop;
    private int position;

    /** @param loop start again at the end instead of ending */
    public ClipSource(AudioClip clip, boolean loop) {
        this.samples = clip.samples();
        this.loop = loop && samples.length > 0;
    }

    @Override
    public int read(short[] buffer, int offset, int length) {
        int written = 0;
        while (written < length) {
            if (position == samples.length) {
                if (!loop) {
                    break;
                }
                position = 0;
            }
            int n = Math.min(length - written, samples.length - position);
            System.arraycopy(samples, position, buffer, offset + written, n);
            position += n;
            written += n;
        }
        return written;
    }
}
