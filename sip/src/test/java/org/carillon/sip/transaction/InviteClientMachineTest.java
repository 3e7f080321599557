package org.carillon.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.carillon.sip.clock.FakeScheduler;
import org.junit.jupiter.api.Test;

class InviteClientMachineTest {

    private final FakeScheduler clock = new FakeScheduler();
    private final Recorder rec = new Recorder(clock);

    private InviteClientMachine<String> started(boolean reliable) {
        InviteClientMachine<String> m = new InviteClientMachine<>(clock, TimerConfig.DEFAULT, reliable, rec);
        m.start();
        return m;
    }

    @Test
    void retransmitsInviteWithTimerADoublingWithoutCapUntilTimerBTimesOut() {
        InviteClientMachine<String> m = started(false);
        clock.advance(Duration.ofSeconds(40));
        assertThat(rec.log).containsExactly("transmit@0", "retransmit@500", "retransmit@1500", "retransmit@3500",
                "retransmit@7500", "retransmit@15500", "retransmit@31500", "timeout@32000", "terminated@32000");
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void armsNoTimerAOnAReliableTransport() {
        started(true);
        clock.advance(Duration.ofSeconds(40));
        assertThat(rec.log).containsExactly("transmit@0", "timeout@32000", "terminated@32000");
    }

    @Test
    void aProvisionalStopsTimersAAndB() {
        InviteClientMachine<String> m = started(false);
        clock.advance(Duration.ofMillis(600));
        m.onResponse(180, "180");
        clock.advance(Duration.ofMinutes(5));
        assertThat(rec.log).containsExactly("transmit@0", "retransmit@500", "pass 180@600");
        assertThat(m.state()).isEqualTo(TransactionState.PROCEEDING);
    }

    @Test
    void acksAFailureAndReAcksItsRetransmissionsUntilTimerD() {
        InviteClientMachine<String> m = started(false);
        m.onResponse(486, "486");
        assertThat(m.state()).isEqualTo(TransactionState.COMPLETED);
        clock.advance(Duration.ofSeconds(10));
        m.onResponse(486, "486");
        clock.advance(Duration.ofSeconds(22));
        assertThat(rec.log).containsExactly("transmit@0", "ack 486@0", "pass 486@0", "reack 486@10000",
                "terminated@32000");
    }

    @Test
    void timerDIsZeroOnAReliableTransport() {
        InviteClientMachine<String> m = started(true);
        m.onResponse(503, "503");
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
        assertThat(rec.log).containsExactly("transmit@0", "ack 503@0", "pass 503@0", "terminated@0");
    }

    @Test
    void a2xxEntersAcceptedPassesRetransmitted2xxUpAndEndsWithTimerM() {
        InviteClientMachine<String> m = started(false);
        m.onResponse(200, "200");
        assertThat(m.state()).isEqualTo(TransactionState.ACCEPTED);
        clock.advance(Duration.ofSeconds(2));
        m.onResponse(200, "200");
        clock.advance(Duration.ofSeconds(30));
        assertThat(rec.log).containsExactly("transmit@0", "hand-off@0", "pass 200@0", "pass 200@2000",
                "terminated@32000");
    }

    @Test
    void aHandOffAtTheFirst2xxEndsTheMachineAndItsTimers() {
        rec.takeOver = true;
        InviteClientMachine<String> m = started(false);
        m.onResponse(200, "200");
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
        m.onResponse(200, "200"); // one that raced the hand-off still goes up
        clock.advance(Duration.ofMinutes(1));
        assertThat(rec.log).containsExactly("transmit@0", "hand-off@0", "terminated@0", "pass 200@0", "pass 200@0");
    }

    @Test
    void aTransportErrorTerminatesAndTellsTheTu() {
        InviteClientMachine<String> m = started(false);
        m.onTransportError();
        clock.advance(Duration.ofMinutes(1));
        assertThat(rec.log).containsExactly("transmit@0", "transport-error@0", "terminated@0");
    }

    @Test
    void usesConfiguredT1() {
        InviteClientMachine<String> m = new InviteClientMachine<>(clock,
                new TimerConfig(Duration.ofMillis(100), Duration.ofSeconds(4), Duration.ofSeconds(5),
                        Duration.ofSeconds(32)), false, rec);
        m.start();
        clock.advance(Duration.ofMillis(6400));
        assertThat(rec.log).containsExactly("transmit@0", "retransmit@100", "retransmit@300", "retransmit@700",
                "retransmit@1500", "retransmit@3100", "retransmit@6300", "timeout@6400", "terminated@6400");
    }
}
