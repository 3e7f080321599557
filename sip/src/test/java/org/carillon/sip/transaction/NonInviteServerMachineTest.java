package org.carillon.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.carillon.sip.clock.FakeScheduler;
import org.junit.jupiter.api.Test;

class NonInviteServerMachineTest {

    private final FakeScheduler clock = new FakeScheduler();
    private final Recorder rec = new Recorder(clock);

    @Test
    void absorbsRetransmissionsWhileTryingAndResendsTheLastResponseAfter() {
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, false, rec);
        m.onRequestRetransmit();
        m.respond(100, "100");
        m.onRequestRetransmit();
        m.respond(200, "200");
        m.onRequestRetransmit();
        assertThat(rec.log).containsExactly("absorbed@0", "send 100@0", "resend 100@0", "send 200@0",
                "hand-off 200@0", "resend 200@0");
        assertThat(m.state()).isEqualTo(TransactionState.COMPLETED);
    }

    @Test
    void timerJKeepsTheTransactionFor64T1OnUdp() {
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, false, rec);
        m.respond(200, "200");
        clock.advance(Duration.ofMillis(31_999));
        assertThat(m.state()).isEqualTo(TransactionState.COMPLETED);
        clock.advance(Duration.ofMillis(1));
        assertThat(rec.log).containsExactly("send 200@0", "hand-off 200@0", "terminated@32000");
    }

    @Test
    void endsAtTheFinalResponseWhenItsOwnerTakesCompletedOverAndStillReportsAFailedSend() {
        rec.takeOver = true;
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, false, rec);
        m.start();
        m.respond(200, "200");
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
        m.onTransportError(); // the send of the 200 failed after the hand-off: §17.2.4 still informs the TU, once
        m.onTransportError();
        clock.advance(Duration.ofMinutes(1));
        assertThat(rec.log).containsExactly("send 200@0", "hand-off 200@0", "terminated@0", "transport-error@0");
    }

    @Test
    void neverHandsOffOnAReliableTransport() {
        rec.takeOver = true;
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, true, rec);
        m.respond(200, "200");
        assertThat(rec.log).containsExactly("send 200@0", "terminated@0");
    }

    @Test
    void timerJIsZeroOnAReliableTransport() {
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, true, rec);
        m.respond(200, "200");
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
    }

    @Test
    void refusesASecondFinalResponse() {
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, false, rec);
        m.respond(200, "200");
        assertThatThrownBy(() -> m.respond(200, "200")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endsATransactionTheTuNeverAnsweredAfter64T1() {
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, false, rec);
        m.start();
        clock.advance(Duration.ofMillis(31_999));
        assertThat(m.state()).isEqualTo(TransactionState.TRYING);
        clock.advance(Duration.ofMillis(1));
        assertThat(rec.log).containsExactly("timeout@32000", "terminated@32000");
    }

    @Test
    void theTuGuardIsDisarmedByTheAnswer() {
        NonInviteServerMachine<String> m = new NonInviteServerMachine<>(clock, TimerConfig.DEFAULT, true, rec);
        m.start();
        clock.advance(Duration.ofSeconds(1));
        m.respond(200, "200");
        clock.advance(Duration.ofMinutes(1));
        assertThat(rec.log).containsExactly("send 200@1000", "terminated@1000");
    }
}
