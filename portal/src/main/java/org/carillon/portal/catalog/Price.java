package org.carillon.portal.catalog;

/** The yearly price of an edition for up to {@code extensions} extensions, in minor units. */
public record Price(String editionCode, int extensions, long yearlyMinor) {
}
