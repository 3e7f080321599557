package org.carillon.media.wav;

/** A file that is not a WAV Carillon can play: not RIFF/WAVE, not 8 kHz mono, unknown encoding, too big. */
public final class WavFormatException extends RuntimeException {

    public WavFormatException(String message) {
        super(message);
    }
}
