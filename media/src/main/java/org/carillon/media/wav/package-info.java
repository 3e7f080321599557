/** 8 kHz mono WAV files: reading (PCM16, µ-law, A-law) and crash-safe writing. */
package org.carillon.media.wav;
