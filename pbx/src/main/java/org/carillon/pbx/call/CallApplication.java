package org.carillon.pbx.call;

/**
 * Something a caller's leg is handed to instead of (or after) ringing an extension: a prompt, voicemail, parking,
 * a team queue. Spring beans implementing it are found by {@link #type()}.
 *
 * <p>Threads: {@link #handle} runs on the call's own executor; it may block (it is a virtual thread) and must
 * leave the caller answered, rejected or handed on through {@link CallerSession}.
 */
public interface CallApplication {

    /** The destination type served. */
    Destination.Type type();

    /**
     * Whether this application takes {@code destination} now (a voicemail box that is switched off does not); when it
     * does not, a forwarded caller gets the status it would have had without forwarding (480, 486). Call executor.
     */
    default boolean serves(CallerSession caller, Destination destination) {
        return true;
    }

    /** Takes over the caller. */
    void handle(CallerSession caller, Destination destination);
}
