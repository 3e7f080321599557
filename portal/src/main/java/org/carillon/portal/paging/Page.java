package org.carillon.portal.paging;

import java.util.List;

/**
 * One page of a list, 1-based, with what the pager needs.
 *
 * @param number the 1-based page number shown
 */
public record Page<T>(List<T> items, int number, int size, long total) {
    public static final int SIZE = 20;

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** The row offset of a requested page number, clamped to page 1. */
    public static int offset(int number) {
        return (Math.max(1, number) - 1) * SIZE;
    }
}
