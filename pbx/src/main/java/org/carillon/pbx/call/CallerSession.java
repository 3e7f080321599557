package org.carillon.pbx.call;

import org.carillon.media.dtmf.CollectedDigits;
import org.carillon.media.dtmf.DigitCollector;
import org.carillon.media.play.AudioSource;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The caller's side of a call as an application sees it. Every method must be called on the call's executor, except
 * where it says "any thread". Applications that wait for the caller (menus, recordings) run as a
 * {@link CallerScript}, which hops onto the executor for them.
 */
public interface CallerSession {

    /** The dialled number. */
    String dialled();

    /** The calling extension's number. */
    String caller();

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
}
