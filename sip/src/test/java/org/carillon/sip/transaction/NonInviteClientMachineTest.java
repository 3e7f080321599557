package org.carillon.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.carillon.sip.clock.FakeScheduler;
import org.junit.jupiter.api.Test;

class NonInviteClientMachineTest {

    private final FakeScheduler clock = new FakeScheduler();
    private final Recorder rec = new Recorder(clock);

    private NonInviteClientMachine<String> started(boolean reliable) {
        NonInviteClientMachine<String> m = new NonInviteClientMachine<>(clock, TimerConfig.DEFAULT, reliable, rec);
        m.start();
        return m;
    }

    @Test
    void retransmitsWithTimerEDoublingUpToT2UntilTimerFTimesOut() {
        started(false);
        clock.advance(Duration.ofSeconds(40));
        assertThat(rec.only("retransmit")).containsExactly("retransmit@500", "retransmit@1500", "retransmit@3500",
                "retransmit@7500", "retransmit@11500", "retransmit@15500", "retransmit@19500", "retransmit@23500",
                "retransmit@27500", "retransmit@31500");
        assertThat(rec.log).endsWith("timeout@32000", "terminated@32000");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void retransmitsEveryT2OnceAProvisionalArrived() {
        NonInviteClientMachine<String> m = started(false);
        clock.advance(Duration.ofMillis(600));
        m.onResponse(100, "100");
        clock.advance(Duration.ofMillis(13_000));
        // E was armed for 1500 (1 s after the 500 retransmission); from then on T2 apart
        assertThat(rec.only("retransmit")).containsExactly("retransmit@500", "retransmit@1500", "retransmit@5500",
                "retransmit@9500", "retransmit@13500");
    }

    @Test
    void armsNoTimerEOnAReliableTransportButStillTimerF() {
        started(true);
        clock.advance(Duration.ofSeconds(40));
        assertThat(rec.log).containsExactly("transmit@0", "timeout@32000", "terminated@32000");
    }

    @Test
    void absorbsRetransmittedFinalResponsesUntilTimerK() {
        NonInviteClientMachine<String> m = started(false);
        clock.advance(Duration.ofMillis(100));
        m.onResponse(200, "200");
        m.onResponse(200, "200");
        clock.advance(Duration.ofSeconds(5));
        assertThat(rec.log).containsExactly("transmit@0", "pass 200@100", "terminated@5100");
    }

    @Test
    void timerKIsZeroOnAReliableTransport() {
        NonInviteClientMachine<String> m = started(true);
        m.onResponse(404, "404");
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
    }
}
