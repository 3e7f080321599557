package org.carillon.pbx.call;

import org.carillon.media.dtmf.CollectedDigits;
import org.carillon.media.dtmf.DigitCollector;
import org.carillon.media.play.AudioSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An application written as sequential, blocking code (voicemail's deposit and menu): the script runs on its own
 * virtual thread so the call's executor stays free for the caller's BYE, and each step hops onto the executor and
 * waits. Once the caller is gone every waiting step throws {@link CallerGoneException}, except {@link #record},
 * which returns what was recorded up to the hang-up.
 *
 * <p>Threads: the script's thread only.
 */
public final class CallerScript {
    private static final Logger log = LoggerFactory.getLogger(CallerScript.class);

    private final CallerSession session;

    private CallerScript(CallerSession session) {
        this.session = session;
    }

    /**
     * Runs {@code body} on a new virtual thread; when it returns or fails the call is ended if it is still up
     * (an unexpected failure is logged and the caller gets 500 or BYE). Call from {@link CallApplication#handle}.
     */
    public static void start(CallerSession session, String name, Consumer<CallerScript> body) {
        Thread.ofVirtual().name("call-app-" + name).start(() -> {
            var script = new CallerScript(session);
            int status = 480;
            try {
                body.accept(script);
            } catch (CallerGoneException gone) {
                return;
            } catch (RuntimeException e) {
                log.warn("call application {} failed for caller {}", name, session.caller(), e);
                status = 500;
            }
            if (!session.gone().isDone()) {
                int s = status;
                session.executor().execute(() -> session.hangUp(s));
            }
        });
    }

    /** The calling extension's number. */
    public String caller() {
        return session.caller();
    }

    /** The address the caller's phone called from (see {@link CallerSession#source()}). */
    public String source() {
        return session.source();
    }

    /** The dialled number. */
    public String dialled() {
        return session.dialled();
    }

    /** Whether the caller has hung up. */
    public boolean gone() {
        return session.gone().isDone();
    }

    public void earlyMedia() {
        run(session::earlyMedia);
    }

    public void answer() {
        run(session::answer);
    }

    /** Plays to the end (no key interrupts). @throws CallerGoneException when the caller hangs up meanwhile */
    public void play(List<? extends AudioSource> playlist) {
        await(onCall(() -> session.play(playlist)));
    }

    /** Plays {@code prompt}, interrupted by a key, then collects digits. @throws CallerGoneException */
    public CollectedDigits collect(List<? extends AudioSource> prompt, DigitCollector.Spec spec) {
        CollectedDigits d = await(session.collect(prompt, spec));
        if (gone()) {
            throw new CallerGoneException();
        }
        return d;
    }

    /**
     * Records until a key, silence, the maximum length or the hang-up; returns even after a hang-up.
     *
     * @throws RecordingFailedException when the file cannot be written
     */
    public Recording record(Path target, Recording.Spec spec) {
        try {
            return session.record(target, spec).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Ends the call (status before an answer, else BYE). */
    public void hangUp(int status) {
        run(() -> session.hangUp(status));
    }

    private void run(Runnable step) {
        await(onCall(() -> {
            step.run();
            return CompletableFuture.completedFuture(null);
        }));
    }

    private <T> CompletableFuture<T> onCall(Supplier<? extends CompletableFuture<T>> step) {
        var f = new CompletableFuture<T>();
        session.executor().execute(() -> {
            try {
                step.get().whenComplete((v, e) -> {
                    if (e != null) {
                        f.completeExceptionally(e);
                    } else {
                        f.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    private <T> T await(CompletableFuture<T> step) {
        CompletableFuture.anyOf(step, session.gone()).join();
        if (!step.isDone()) {
            throw new CallerGoneException();
        }
        try {
            return step.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
