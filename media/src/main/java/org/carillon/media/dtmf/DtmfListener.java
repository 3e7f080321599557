package org.carillon.media.dtmf;

/** Told about received DTMF, on the leg's thread. */
public interface DtmfListener {

    /** A key went down: the first packet of an event (prompts stop here, before the key is released). */
    default void eventStarted(char digit) {
    }

    /** A key came up (or its event was closed by the next one). Reported exactly once per event. */
    void eventEnded(DtmfEvent event);
}
