package org.carillon.pbx.call;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A call waiting in a parking slot, as the parking feature sees it: the party that was parked hears music on hold,
 * the party that parked it has left.
 *
 * <p>Threads: the accessors are safe from any thread; {@link #ringBack} and {@link #hangUp} must run on the call's
 * executor (tasks scheduled with {@link #after} do).
 */
public interface ParkedCall {

    /** The call's id (as in the active calls and the history). */
    String id();

    long tenantId();

    /** The slot it waits in ({@code 701}). */
    String slot();

    /** The extension that waits (was parked). */
    String parked();

    /** The extension that parked it. */
    String parker();

    /** The Call-ID, our tag and the far end's tag of the parked dialog: what a BLF lamp names for a pickup. */
    String callId();

    String localTag();

    String remoteTag();

    /**
     * Runs {@code task} on the call's executor after {@code delay}, unless the call ended first (any thread).
     */
    CallerSession.Timer after(Duration delay, Runnable task);

    /**
     * Rings extension {@code number} (every registered device, for the no-answer time) while the parked party keeps
     * hearing music; whoever answers is bridged with it. {@code answered} runs once on the call's executor: true when
     * bridged, false when nobody answered or nothing could ring. Call executor only.
     */
    void ringBack(String number, Consumer<Boolean> answered);

    /**
     * Hands the parked party to the application serving {@code destination} (a team, voicemail, a prompt), as a
     * forwarded caller. Call executor only.
     *
     * @return false when it cannot be (the parked party is not the call's caller, or nothing serves it now): the call
     *         is left as it was
     */
    boolean handTo(Destination destination);

    /** Ends the call (BYE to the parked party). Call executor only. */
    void hangUp();
}
