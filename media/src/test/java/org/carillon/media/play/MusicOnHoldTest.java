package org.carillon.media.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.carillon.media.codec.AudioFormat;
import org.carillon.media.codec.G711;
import org.carillon.media.rtp.RtpPacket;
import org.carillon.media.time.ManualMediaScheduler;
import org.carillon.media.wav.AudioClip;
import org.junit.jupiter.api.Test;

class MusicOnHoldTest {

    private final ManualMediaScheduler clock = new ManualMediaScheduler();

    private static AudioClip music() {
        short[] s = new short[400]; // 50 ms, so the loop wraps inside the third frame
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (i * 50);
        }
        return new AudioClip("moh", s);
    }

    @Test
    void everyListenerHearsTheSameMusicAtTheSameMomentInItsOwnCodec() {
        var moh = new MusicOnHold(clock, music(), UnpooledByteBufAllocator.DEFAULT, 0x40);
        List<ByteBuf> ulaw = new ArrayList<>();
        List<ByteBuf> alaw = new ArrayList<>();
        var first = moh.listen(ulaw::add, AudioFormat.PCMU, 0);
        moh.listen(alaw::add, AudioFormat.PCMA, 8);
        clock.advance(Duration.ofMillis(59));
        assertThat(ulaw).hasSize(3);
        assertThat(alaw).hasSize(3);
        var p = new RtpPacket();
        for (int f = 0; f < 3; f++) {
            p.wrap(ulaw.get(f));
            assertThat(p.payloadType()).isZero();
            for (int i = 0; i < 160; i++) {
                int sample = ((f * 160 + i) % 400) * 50;
                assertThat(ulaw.get(f).getByte(12 + i)).isEqualTo(G711.ulawEncode(sample));
                assertThat(alaw.get(f).getByte(12 + i)).isEqualTo(G711.alawEncode(sample));
            }
        }
        first.cancel();
        clock.advance(Duration.ofMillis(40));
        assertThat(ulaw).hasSize(3);
        assertThat(alaw).hasSize(5);
        assertThat(moh.listeners()).isEqualTo(1);
    }

    @Test
    void theClockStopsWhenTheLastListenerLeaves() {
        var moh = new MusicOnHold(clock, music(), UnpooledByteBufAllocator.DEFAULT, 0x40);
        List<ByteBuf> got = new ArrayList<>();
        var l = moh.listen(got::add, AudioFormat.PCMU, 0);
        clock.advance(Duration.ofMillis(30));
        l.cancel();
        clock.advance(Duration.ofMillis(100));
        assertThat(clock.pendingTasks()).isZero();
        moh.listen(got::add, AudioFormat.PCMU, 0);
        clock.advance(Duration.ofMillis(1));
        assertThat(got).hasSize(3);
    }
}
