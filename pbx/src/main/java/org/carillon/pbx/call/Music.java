package org.carillon.pbx.call;

import org.carillon.media.wav.AudioClip;

/**
 * The built-in music on hold: a gentle arpeggio synthesised at start (no audio files to ship or license). An
 * operator-provided file will replace it when the admin gains an upload.
 */
final class Music {
    private static final double[] NOTES = {261.63, 329.63, 392.00, 523.25, 392.00, 329.63}; // C4 E4 G4 C5 G4 E4
    private static final int NOTE_MILLIS = 400;

    private Music() {
    }

    static AudioClip clip() {
        int perNote = NOTE_MILLIS * 8;
        short[] samples = new short[perNote * NOTES.length];
        double amplitude = 22656 * Math.pow(10, -18 / 20.0); // -18 dBm0 (see ToneSource for the scale)
        for (int n = 0; n < NOTES.length; n++) {
            for (int i = 0; i < perNote; i++) {
                double envelope = Math.min(1, Math.min(i, perNote - i) / 400.0); // 50 ms fade in and out
                double v = Math.sin(2 * Math.PI * NOTES[n] * i / 8000) + 0.3 * Math.sin(4 * Math.PI * NOTES[n] * i / 8000);
                samples[n * perNote + i] = (short) Math.round(v / 1.3 * amplitude * envelope);
            }
        }
        return new AudioClip("music-on-hold", samples);
    }
}
