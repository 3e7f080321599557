package org.carillon.media.dtmf;

/**
 * One received DTMF event.
 *
 * @param digit '0'-'9', '*', '#', 'A'-'D' or '!' (flash)
 * @param durationMillis how long the key was held, from the last duration field seen
 * @param volume power level, dB below 0 dBm0
 * @param endSeen false when the end packets were all lost and a later event closed this one
 */
public record DtmfEvent(char digit, int durationMillis, int volume, boolean endSeen) {
}
