package org.carillon.pbx.call;

import org.carillon.media.play.AudioSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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
}
