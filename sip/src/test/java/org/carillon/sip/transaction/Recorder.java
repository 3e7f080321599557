package org.carillon.sip.transaction;

import java.util.ArrayList;
import java.util.List;
import org.carillon.sip.clock.FakeScheduler;

/** Records every action a machine asks for, stamped with the fake time in milliseconds. */
final class Recorder implements InviteClientMachine.Actions<String>, NonInviteClientMachine.Actions<String>,
        ServerActions<String> {

    private final FakeScheduler clock;
    final List<String> log = new ArrayList<>();
    /**
     * What {@link #handOff} answers: whether the owner takes a UDP non-INVITE's Completed state, or an INVITE's
     * Accepted state, over.
     */
    boolean takeOver;

    Recorder(FakeScheduler clock) {
        this.clock = clock;
    }

    private void add(String what) {
        log.add(what + "@" + clock.elapsed().toMillis());
    }

    /** Entries starting with {@code prefix}. */
    List<String> only(String prefix) {
        return log.stream().filter(s -> s.startsWith(prefix)).toList();
    }

    @Override
    public void transmit(boolean retransmission) {
        add(retransmission ? "retransmit" : "transmit");
    }

    @Override
    public void ack(String finalResponse, boolean retransmission) {
        add((retransmission ? "reack " : "ack ") + finalResponse);
    }

    @Override
    public void pass(String response) {
        add("pass " + response);
    }

    @Override
    public void send(String response, boolean retransmission) {
        add((retransmission ? "resend " : "send ") + response);
    }

    @Override
    public void sendTrying() {
        add("send 100");
    }

    @Override
    public void absorbed() {
        add("absorbed");
    }

    @Override
    public void timedOut() {
        add("timeout");
    }

    @Override
    public void transportFailed() {
        add("transport-error");
    }

    @Override
    public boolean handOff(String response) {
        add("hand-off " + response);
        return takeOver;
    }

    @Override
    public boolean handOffConfirmed() {
        add("hand-off-confirmed");
        return takeOver;
    }

    @Override
    public boolean handOff() {
        add("hand-off");
        return takeOver;
    }

    @Override
    public void terminated() {
        add("terminated");
    }
}
