package org.carillon.pbx.call;

import org.carillon.media.play.AudioSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The caller's side of a call as an application sees it. Every method must be called on the call's executor.
 */
public interface CallerSession {

    /** The dialled number. */
    String dialled();

    /** The calling extension's number. */
    String caller();

    /** Opens the media path without answering: 183 Session Progress with our SDP (early media). */
    void earlyMedia();

    /** Answers the caller (200 OK with our SDP). */
    void answer();

    /** Plays {@code playlist} to the caller; completes when it ends. Needs early media or an answer first. */
    CompletableFuture<?> play(List<? extends AudioSource> playlist);

    /** Ends the call: a final {@code status} if the caller is not answered yet, else BYE. */
    void hangUp(int status);

    /** The tenant the call belongs to. */
    long tenantId();

    /** Runs {@code task} on the call's executor; callable from any thread. */
    void execute(Runnable task);

    /** Runs {@code task} on the call's executor after {@code delay} unless cancelled or the call ended first. */
    Timer after(Duration delay, Runnable task);

    /** Runs {@code listener} on the call's executor when the call ends, however it ends (at most once). */
    void onEnded(Runnable listener);

    /**
     * Offers the answered caller to {@code extensions} at once (every registered device rings) for {@code ringFor};
     * the first to answer is bridged with the caller. {@code outcome} runs once on the call's executor, unless the
     * offer is cancelled first; the call cancels it when it ends.
     *
     * @throws IllegalStateException when the caller is not answered or another offer is pending
     */
    OfferHandle offer(List<String> extensions, Duration ringFor, Consumer<OfferOutcome> outcome);

    /** An offer under way ({@link Offer}). Call executor only. */
    interface OfferHandle {
        /** True until it was answered, failed, expired or was cancelled. */
        boolean pending();

        /** Stops ringing without reporting an outcome; no-op when over. */
        void cancel();
    }

    /**
     * Hands the caller to the application serving {@code destination} (a team's overflow: voicemail, another team, a
     * prompt); hangs up when no application serves it.
     */
    void forward(Destination destination);

    /** A scheduled task that may still be cancelled. */
    interface Timer {
        void cancel();
    }
}
