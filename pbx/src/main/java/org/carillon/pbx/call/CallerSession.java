package org.carillon.pbx.call;

import org.carillon.media.dtmf.CollectedDigits;
import org.carillon.media.dtmf.DigitCollector;
import org.carillon.media.play.AudioSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The caller's side of a call as an application sees it. Every method must be called on the call's executor, except
 * where it says "any thread". Applications that wait for the caller (menus, recordings) run as a
 * {@link CallerScript}, which hops onto the executor for them.
 */
public interface CallerSession {

    /** The call's id: the {@link ActiveCall#id()} of its {@link ActiveCallsChanged} events and of its history row. */
    String id();

    /** The dialled number. */
    String dialled();

    /** The calling extension's number. */
    String caller();

    /**
     * The address (IP, as text) the caller's phone sent its INVITE from, for the audit log of changes made by phone;
     * {@code unknown} where a session has none. Any thread.
     */
    default String source() {
        return "unknown";
    }

    /** The tenant the call belongs to. */
    long tenantId();

    /**
     * Why the caller was sent here when an extension did not take the call: {@code no_answer}, {@code busy} or
     * {@code unregistered} (voicemail picks its greeting by it); empty when the caller dialled this directly.
     */
    java.util.Optional<String> forwardedBecause();

    /** Opens the media path without answering: 183 Session Progress with our SDP (early media). */
    void earlyMedia();

    /** Answers the caller (200 OK with our SDP). */
    void answer();

    /** Plays {@code playlist} to the caller; completes when it ends. Needs early media or an answer first. */
    CompletableFuture<?> play(List<? extends AudioSource> playlist);

    /** Ends the call: a final {@code status} if the caller is not answered yet, else BYE. */
    void hangUp(int status);

    /** The call's serial executor (any thread): where the other methods must run. */
    Executor executor();

    /** Completes once the call has ended: the caller hung up or cancelled, or the PBX ended it (any thread). */
    CompletableFuture<Void> gone();

    /**
     * Plays {@code prompt} (the caller's first key interrupts it and counts as a digit), then collects digits per
     * {@code spec} ({@code #} as terminator, first-digit and inter-digit timeouts). Completes with
     * {@link CollectedDigits.Reason#CANCELLED} when the call ends. Any thread; needs early media or an answer.
     */
    CompletableFuture<CollectedDigits> collect(List<? extends AudioSource> prompt, DigitCollector.Spec spec);

    /**
     * Records the caller's audio into {@code target} (8 kHz mono PCM16 WAV, written as {@code target.part} and
     * renamed when complete) until a terminator key, the silence timeout, the maximum length or the end of the
     * call. Completes exceptionally with {@link RecordingFailedException} when the file cannot be written (nothing
     * is left behind). Any thread; needs an answer.
     */
    CompletableFuture<Recording> record(Path target, Recording.Spec spec);


    /** Runs {@code task} on the call's executor; callable from any thread. */
    default void execute(Runnable task) {
        executor().execute(task);
    }

    /** Runs {@code task} on the call's executor after {@code delay} unless cancelled or the call ended first. */
    Timer after(Duration delay, Runnable task);

    /** Runs {@code listener} on the call's executor when the call ends, however it ends (at most once). */
    default void onEnded(Runnable listener) {
        gone().thenRun(() -> execute(listener));
    }

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

    /**
     * Sends the caller, not answered yet, where {@code destination} says as if it had been dialled (an extension rings
     * with its forwarding rules; anything else is handed to its application) and writes why into the call history as
     * {@code forward:schedule:<type>:<target>:<reason>} (spaces and commas of the reason as {@code _}). A team closed by
     * its office hours uses it. Ends the call with 480 when nothing serves the destination or forwards loop.
     */
    void redirect(Destination destination, String reason);

    /** A scheduled task that may still be cancelled. */
    interface Timer {
        void cancel();
    }
}
