package org.carillon.pbx.schedule;

/** No such holiday or call profile for this owner (404 at the web edge, see {@link ScheduleApiAdvice}). */
public class ScheduleNotFoundException extends RuntimeException {
    public ScheduleNotFoundException(String message) {
        super(message);
    }

    public static ScheduleNotFoundException holiday(long id) {
        return new ScheduleNotFoundException("no holiday " + id);
    }
}
