package org.carillon.pbx.blf;

/**
 * One programmable key of an extension's phone.
 *
 * @param position 1-based key position on the phone (1–100)
 * @param value    what the key acts on; its meaning depends on {@code type} ({@link BlfKeyType})
 * @param label    the text shown beside the key
 */
public record BlfKey(int position, BlfKeyType type, String value, String label) {
}
