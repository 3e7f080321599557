package org.carillon.pbx.schedule;

import org.carillon.pbx.call.Destination;

/** The destination of a holiday with an audio file: the file is played to the caller, then the call ends. */
final class HolidayAudio {
    private HolidayAudio() {
    }

    static Destination destination(long holidayId) {
        return new Destination(Destination.Type.HOLIDAY, Long.toString(holidayId));
    }
}
