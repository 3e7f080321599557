package org.carillon.pbx.schedule;

/** No such holiday for this owner (404 at the web edge). */
public class HolidayNotFoundException extends RuntimeException {
    public HolidayNotFoundException(long id) {
        super("no holiday " + id);
    }
}
