package org.carillon.media.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carillon.media.codec.G711;
import org.carillon.media.codec.G711Codec;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.time.ManualMediaScheduler;
import org.carillon.media.wav.AudioClip;
import org.junit.jupiter.api.Test;

class PromptPlayerTest {

    private final ManualMediaScheduler clock = new ManualMediaScheduler();
    private final List<ByteBuf> sent = new ArrayList<>();
    private final PromptPlayer player = new PromptPlayer(clock, sent::add, G711Codec.PCMU, 0, 20,
            UnpooledByteBufAllocator.DEFAULT, 0x9);

    private static AudioClip ramp(String name, int n, int start) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) ((start + i) * 7);
        }
        return new AudioClip(name, s);
    }

    private List<Short> decodedPayloads() {
        var out = new ArrayList<Short>();
        var p = new RtpPacket();
        for (ByteBuf b : sent) {
            p.wrap(b);
            for (int i = 0; i < p.payloadLength(); i++) {
                out.add(G711.ulawDecode(b.getByte(p.payloadOffset() + i)));
            }
        }
        return out;
    }

    @Test
    void playsAPlaylistSeamlesslyOnePacketEvery20Milliseconds() {
        var done = player.play(List.of(new ClipSource(ramp("a", 1000, 0), false),
                new ClipSource(ramp("b", 500, 1000), false)), false);
        clock.advance(Duration.ofMillis(1));
        assertThat(sent).hasSize(1);
        clock.advance(Duration.ofMillis(18));
        assertThat(sent).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(sent).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sent).hasSize(10); // 1500 samples = 9.4 packets, the last padded with silence
        assertThat(done).isCompletedWithValue(new PromptPlayer.Result(PromptPlayer.Outcome.FINISHED, Optional.empty()));
        var decoded = decodedPayloads();
        for (int i = 0; i < 1500; i++) {
            assertThat(decoded.get(i)).isEqualTo(G711.ulawDecode(G711.ulawEncode(i * 7)));
        }
        assertThat(decoded.subList(1500, 1600)).containsOnly((short) 0);
        var p = new RtpPacket();
        for (int i = 0; i < sent.size(); i++) {
            p.wrap(sent.get(i));
            assertThat(p.marker()).isEqualTo(i == 0);
            assertThat(p.timestamp()).isEqualTo(160 * i);
            assertThat(p.sequenceNumber()).isEqualTo(i);
            assertThat(p.ssrc()).isEqualTo(0x9);
        }
    }

    @Test
    void aKeyPressInterruptsAnInterruptiblePrompt() {
        var done = player.play(List.of(new ClipSource(ramp("menu", 80000, 0), false)), true);
        clock.advance(Duration.ofMillis(100));
        player.eventStarted('3');
        int count = sent.size();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sent).hasSize(count);
        assertThat(done).isCompletedWithValue(new PromptPlayer.Result(PromptPlayer.Outcome.INTERRUPTED, Optional.of('3')));
    }

    @Test
    void anUninterruptiblePromptIgnoresKeysAndStopEndsIt() {
        var done = player.play(List.of(new ToneSource(TonePlan.RINGBACK)), false);
        clock.advance(Duration.ofMillis(100));
        player.eventStarted('3');
        assertThat(done).isNotDone();
        player.stop();
        clock.advance(Duration.ofMillis(1));
        assertThat(done).isCompletedWithValue(new PromptPlayer.Result(PromptPlayer.Outcome.STOPPED, Optional.empty()));
        var next = player.play(List.of(new ToneSource(TonePlan.BEEP)), false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(next).isCompletedWithValue(new PromptPlayer.Result(PromptPlayer.Outcome.FINISHED, Optional.empty()));
        assertThat(clock.pendingTasks()).isZero();
    }
}
