package org.carillon.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.carillon.sip.clock.FakeScheduler;
import org.junit.jupiter.api.Test;

class InviteServerMachineTest {

    private final FakeScheduler clock = new FakeScheduler();
    private final Recorder rec = new Recorder(clock);

    private InviteServerMachine<String> started(boolean reliable) {
        InviteServerMachine<String> m = new InviteServerMachine<>(clock, TimerConfig.DEFAULT, reliable, rec);
        m.start();
        return m;
    }

    @Test
    void sends100TryingWhenTheTuIsSilentFor200Ms() {
        started(false);
        clock.advance(Duration.ofSeconds(1));
        assertThat(rec.log).containsExactly("send 100@200");
    }

    @Test
    void sendsNo100TryingWhenTheTuAnsweredFirst() {
        InviteServerMachine<String> m = started(false);
        m.respond(180, "180");
        clock.advance(Duration.ofSeconds(1));
        assertThat(rec.log).containsExactly("send 180@0");
    }

    @Test
    void answersARetransmittedInviteWithTheLastProvisional() {
        InviteServerMachine<String> m = started(false);
        m.onRequestRetransmit();
        m.respond(180, "180");
        m.onRequestRetransmit();
        assertThat(rec.log).containsExactly("absorbed@0", "send 180@0", "resend 180@0");
    }

    @Test
    void retransmitsAFailureWithTimerGUpToT2UntilTimerHGivesUp() {
        InviteServerMachine<String> m = started(false);
        m.respond(486, "486");
        clock.advance(Duration.ofSeconds(40));
        assertThat(rec.only("resend")).containsExactly("resend 486@500", "resend 486@1500", "resend 486@3500",
                "resend 486@7500", "resend 486@11500", "resend 486@15500", "resend 486@19500", "resend 486@23500",
                "resend 486@27500", "resend 486@31500");
        assertThat(rec.log).endsWith("timeout@32000", "terminated@32000");
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
    }

    @Test
    void anAckConfirmsAndTimerIEndsTheTransaction() {
        InviteServerMachine<String> m = started(false);
        m.respond(486, "486");
        clock.advance(Duration.ofMillis(700));
        assertThat(m.onAck()).isFalse();
        assertThat(m.state()).isEqualTo(TransactionState.CONFIRMED);
        m.onAck();
        m.onRequestRetransmit();
        clock.advance(Duration.ofSeconds(5));
        assertThat(rec.log).containsExactly("send 486@0", "resend 486@500", "hand-off-confirmed@700", "absorbed@700",
                "absorbed@700", "terminated@5700");
    }

    @Test
    void aHandOffAtTheAckEndsTheConfirmedMachineAtOnce() {
        rec.takeOver = true;
        InviteServerMachine<String> m = started(false);
        m.respond(486, "486");
        assertThat(m.onAck()).isFalse();
        m.onAck();
        m.onRequestRetransmit();
        m.onTransportError(); // nothing left to fail: the ACK came
        clock.advance(Duration.ofSeconds(40));
        assertThat(rec.log).containsExactly("send 486@0", "hand-off-confirmed@0", "terminated@0", "absorbed@0",
                "absorbed@0");
    }

    @Test
    void timersGAndIAreNotUsedOnAReliableTransport() {
        InviteServerMachine<String> m = started(true);
        m.respond(404, "404");
        clock.advance(Duration.ofSeconds(2));
        m.onAck();
        assertThat(rec.log).containsExactly("send 404@0", "terminated@2000");
    }

    @Test
    void resendsARetransmittedInvitesFailureResponseWhileCompleted() {
        InviteServerMachine<String> m = started(true);
        m.respond(603, "603");
        m.onRequestRetransmit();
        assertThat(rec.log).containsExactly("send 603@0", "resend 603@0");
    }

    @Test
    void theFirst2xxIsAnnouncedBeforeItIsSentSoAnAckCannotOvertakeTheRetransmissionSetUp() {
        InviteServerMachine<String> m = started(false);
        m.respond(180, "180", () -> rec.log.add("accepted"));
        assertThat(m.respond(200, "200", () -> rec.log.add("accepted"))).isTrue();
        assertThat(m.respond(200, "200", () -> rec.log.add("accepted"))).isFalse(); // a resend: not announced
        assertThat(rec.log).containsExactly("send 180@0", "accepted", "send 200@0", "hand-off 200@0",
                "resend 200@0");
    }

    @Test
    void a2xxEntersAcceptedAbsorbsInviteRetransmitsAndEndsWithTimerL() {
        InviteServerMachine<String> m = started(false);
        m.respond(200, "200");
        assertThat(m.state()).isEqualTo(TransactionState.ACCEPTED);
        m.onRequestRetransmit();
        m.respond(200, "200"); // the TU's own 2xx retransmission (§13.3.1.4) goes out
        assertThat(m.onAck()).isTrue();
        clock.advance(Duration.ofSeconds(32));
        assertThat(rec.log).containsExactly("send 200@0", "hand-off 200@0", "absorbed@0", "resend 200@0",
                "terminated@32000");
    }

    @Test
    void aHandOffAtTheFirst2xxEndsTheMachineButTheTusRetransmissionsStillGoOut() {
        rec.takeOver = true;
        InviteServerMachine<String> m = started(false);
        assertThat(m.respond(200, "200")).as("accepted").isTrue();
        assertThat(m.state()).isEqualTo(TransactionState.TERMINATED);
        clock.advance(Duration.ofMillis(500));
        m.respond(200, "200"); // §13.3.1.4 through the transaction, as in Accepted
        m.onRequestRetransmit();
        assertThat(m.onAck()).as("an ACK it still matches goes to the TU").isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(rec.log).containsExactly("send 200@0", "hand-off 200@0", "terminated@0", "resend 200@500",
                "absorbed@500");
    }

    @Test
    void aTransportErrorAfterTheHandOffIsReportedOnce() {
        rec.takeOver = true;
        InviteServerMachine<String> m = started(true);
        m.respond(200, "200");
        m.onTransportError();
        m.onTransportError();
        assertThat(rec.only("transport")).containsExactly("transport-error@0");
        assertThatThrownBy(() -> m.respond(200, "200")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesASecondFinalResponse() {
        InviteServerMachine<String> m = started(false);
        m.respond(486, "486");
        assertThatThrownBy(() -> m.respond(500, "500")).isInstanceOf(IllegalStateException.class);
    }
}
