package org.carillon.pbx.call;

import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.dtmf.CollectedDigits;
import org.carillon.media.dtmf.DigitCollector;
import org.carillon.media.dtmf.DtmfEvent;
import org.carillon.media.dtmf.DtmfListener;
import org.carillon.media.leg.InboundTarget;
import org.carillon.media.leg.MediaLeg;
import org.carillon.media.play.AudioSource;
import org.carillon.media.play.PromptPlayer;
import org.carillon.media.record.Recorder;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.time.Cancellable;
import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What an application does with the caller's media: prompts that a key interrupts, digit collection, recording.
 * Everything runs on the caller leg's event loop (where its DTMF and RTP arrive), so the methods may be called from
 * any thread; at most one collection or recording runs at a time (a new one cancels the old). File writes run on
 * virtual threads. {@link #close} (call ended) cancels what runs: a recording is finished and kept, a collection
 * reports {@link CollectedDigits.Reason#CANCELLED}.
 */
final class CallerMedia {
    private static final Logger log = LoggerFactory.getLogger(CallerMedia.class);
    /** Peak linear amplitude below which a packet counts as silence (about -40 dBov). */
    private static final int SILENCE_PEAK = 330;
    private static final long CHECK_MILLIS = 100;

    private final MediaLeg leg;
    private final Executor io = task -> Thread.ofVirtual().name("recording-io").start(task);
    private final CompletableFuture<Void> gone = new CompletableFuture<>();
    // event-loop state
    private PromptPlayer player;
    private Runnable cancelCurrent = () -> { };
    private boolean closed;

    CallerMedia(MediaLeg leg) {
        this.leg = leg;
    }

    /** Completes once the call has ended. */
    CompletableFuture<Void> gone() {
        return gone;
    }

    /** Plays {@code prompt} (the first key interrupts it), then collects digits per {@code spec}. */
    CompletableFuture<CollectedDigits> collect(List<? extends AudioSource> prompt, DigitCollector.Spec spec) {
        var result = new CompletableFuture<CollectedDigits>();
        onLoop(() -> {
            if (closed) {
                result.complete(new CollectedDigits("", CollectedDigits.Reason.CANCELLED));
                return;
            }
            cancelCurrent.run();
            Collect c = new Collect(spec, result);
            leg.addDtmfListener(c);
            cancelCurrent = c::cancel;
            if (prompt.isEmpty()) {
                c.startCollecting();
            } else {
                player().play(prompt, true).whenComplete((r, e) -> c.startCollecting());
            }
        });
        return result;
    }

    /**
     * Records the caller into {@code target} (as {@code target.part} until it is complete, then renamed).
     * Completes with the recording when a terminator key, silence, the maximum length or the end of the call stops
     * it; exceptionally with {@link RecordingFailedException} when the file cannot be written (the part is removed).
     */
    CompletableFuture<Recording> record(Path target, Recording.Spec spec) {
        var result = new CompletableFuture<Recording>();
        onLoop(() -> {
            cancelCurrent.run();
            stopPlayer();
            Recorder recorder;
            try {
                recorder = Recorder.start(leg, target, WavFormat.PCM16, io, leg.scheduler(), spec.maxLength());
            } catch (UncheckedIOException e) {
                result.completeExceptionally(new RecordingFailedException("cannot create " + target, e));
                return;
            }
            Rec r = new Rec(recorder, target, spec, result);
            cancelCurrent = () -> r.stop(Recording.StoppedBy.HANG_UP);
            if (closed) {
                r.stop(Recording.StoppedBy.HANG_UP);
            }
        });
        return result;
    }

    /** The call ended: stops what runs. Any thread; idempotent. */
    void close() {
        onLoop(() -> {
            closed = true;
            cancelCurrent.run();
            cancelCurrent = () -> { };
            if (player != null) {
                player.close();
                player = null;
            }
            gone.complete(null);
        });
    }

    private PromptPlayer player() {
        if (player == null) {
            player = PromptPlayer.on(leg);
        }
        return player;
    }

    private void stopPlayer() {
        if (player != null) {
            player.stop();
        }
    }

    private void onLoop(Runnable task) {
        try {
            leg.scheduler().schedule(task, 0, TimeUnit.NANOSECONDS);
        } catch (RuntimeException shutDown) {
            // the media engine stopped (shutdown): nothing more will play or record
            gone.complete(null);
        }
    }

    /** One digit collection: keys pressed during the prompt are kept and count as the first digits. */
    private final class Collect implements DtmfListener {
        private final DigitCollector.Spec spec;
        private final CompletableFuture<CollectedDigits> result;
        private final StringBuilder early = new StringBuilder();
        private DigitCollector collector;
        private boolean done;

        Collect(DigitCollector.Spec spec, CompletableFuture<CollectedDigits> result) {
            this.spec = spec;
            this.result = result;
        }

        void startCollecting() {
            if (done || collector != null) {
                return;
            }
            collector = new DigitCollector(leg.scheduler(), spec, this::finish);
            for (char c : early.toString().toCharArray()) {
                collector.accept(c);
            }
        }

        @Override
        public void eventStarted(char digit) {
            // the player stops itself on the key's first packet; the digit counts when the key is released
        }

        @Override
        public void eventEnded(DtmfEvent event) {
            if (collector == null) {
                early.append(event.digit());
            } else {
                collector.accept(event.digit());
            }
        }

        void cancel() {
            if (collector != null) {
                collector.cancel();
            } else {
                finish(new CollectedDigits(early.toString(), CollectedDigits.Reason.CANCELLED));
            }
        }

        private void finish(CollectedDigits digits) {
            if (done) {
                return;
            }
            done = true;
            leg.removeDtmfListener(this);
            stopPlayer();
            result.complete(digits);
        }
    }

    /** One recording: watches for silence, terminator keys and the length limit, then finishes the file. */
    private final class Rec implements InboundTarget, DtmfListener {
        private final Recorder recorder;
        private final Path target;
        private final Recording.Spec spec;
        private final CompletableFuture<Recording> result;
        private final long startedNanos;
        private final Cancellable check;
        private long lastSoundNanos;
        private Recording.StoppedBy stoppedBy;

        Rec(Recorder recorder, Path target, Recording.Spec spec, CompletableFuture<Recording> result) {
            this.recorder = recorder;
            this.target = target;
            this.spec = spec;
            this.result = result;
            this.startedNanos = leg.scheduler().nanoTime();
            this.lastSoundNanos = startedNanos;
            leg.addTap(this);
            leg.addDtmfListener(this);
            this.check = leg.scheduler().scheduleAtFixedRate(this::check, CHECK_MILLIS, CHECK_MILLIS,
                    TimeUnit.MILLISECONDS);
            recorder.finished().whenComplete(this::finished);
        }

        @Override
        public void onRtp(MediaLeg from, RtpPacket packet, boolean telephoneEvent) {
            if (telephoneEvent) {
                return;
            }
            boolean ulaw = from.codec().equals(AudioFormat.PCMU);
            int at = packet.payloadOffset();
            for (int i = 0; i < packet.payloadLength(); i++) {
                byte code = packet.buffer().getByte(at + i);
                int v = ulaw ? G711.ulawDecode(code) : G711.alawDecode(code);
                if (Math.abs(v) > SILENCE_PEAK) {
                    lastSoundNanos = leg.scheduler().nanoTime();
                    return;
                }
            }
        }

        private void check() {
            long now = leg.scheduler().nanoTime();
            if (!spec.silenceTimeout().isZero() && now - lastSoundNanos >= spec.silenceTimeout().toNanos()) {
                stop(Recording.StoppedBy.SILENCE);
            } else if (now - startedNanos >= spec.maxLength().plusSeconds(2).toNanos()) {
                stop(Recording.StoppedBy.MAX_LENGTH); // no RTP at all: the recorder never reached its limit
            }
        }

        @Override
        public void eventStarted(char digit) {
            if (spec.terminators().indexOf(digit) >= 0) {
                stop(Recording.StoppedBy.KEY);
            }
        }

        @Override
        public void eventEnded(DtmfEvent event) {
            // stopping happens at the key's first packet
        }

        void stop(Recording.StoppedBy by) {
            if (stoppedBy == null) {
                stoppedBy = by;
            }
            unhook();
            recorder.close();
        }

        private void unhook() {
            check.cancel();
            leg.removeTap(this);
            leg.removeDtmfListener(this);
        }

        private void finished(Path file, Throwable error) {
            onLoop(this::unhook);
            if (error != null) {
                log.warn("recording {} failed: {}", target, error.toString());
                onLoop(recorder::close);
                try {
                    Files.deleteIfExists(WavWriter.partOf(target));
                } catch (IOException e) {
                    log.warn("cannot remove {}: {}", WavWriter.partOf(target), e.toString());
                }
                result.completeExceptionally(new RecordingFailedException("recording " + target + " failed", error));
                return;
            }
            long samples;
            try {
                samples = Math.max(0, (Files.size(file) - WavFormat.PCM16.headerLength()) / 2);
            } catch (IOException e) {
                result.completeExceptionally(new RecordingFailedException("recording " + target + " vanished", e));
                return;
            }
            Recording.StoppedBy by = stoppedBy == null ? Recording.StoppedBy.MAX_LENGTH : stoppedBy;
            result.complete(new Recording(file, Duration.ofMillis(samples / 8), by));
        }
    }
}
