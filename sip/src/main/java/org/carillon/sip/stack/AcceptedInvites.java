package org.carillon.sip.stack;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.carillon.sip.clock.SipScheduler;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.TimerConfig;
import org.carillon.sip.transport.Flow;

/**
 * The UAS core's duty of RFC 3261 §13.3.1.4: after a 2xx to an INVITE, resend it (over UDP)
 * starting at T1 and doubling up to T2 until the ACK arrives; if none arrives within 64·T1, tell
 * the TU, which should end the session with a BYE. The ACK is matched by Call-ID, CSeq number
 * and To tag, since it has a branch of its own.
 *
 * <p>Threads: thread-safe; resends run on the scheduler's thread.
 */
final class AcceptedInvites {

    /** Sends bytes as a retransmission. */
    interface Resend {
        void resend(byte[] bytes, Flow flow);
    }

    private record Key(String callId, long cseq, String toTag) {
    }

    private final SipScheduler scheduler;
    private final TimerConfig timers;
    private final Resend resend;
    private final Consumer<ServerTransaction> noAck;
    private final ConcurrentMap<Key, Pending> pending = new ConcurrentHashMap<>();

    AcceptedInvites(SipScheduler scheduler, TimerConfig timers, Resend resend, Consumer<ServerTransaction> noAck) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.resend = resend;
        this.noAck = noAck;
    }

    /** Starts waiting for the ACK to {@code ok}, resending it while the transport is unreliable. */
    void start(ServerTransaction tx, SipResponse ok, byte[] bytes) {
        Key key = new Key(ok.callId(), ok.cseq().number(), ok.to().tag().orElse(""));
        Pending p = new Pending(key, tx, bytes);
        if (pending.putIfAbsent(key, p) == null) {
            p.start();
        }
    }

    /** @return true if {@code ack} acknowledged a 2xx we were resending (which now stops) */
    boolean onAck(SipRequest ack) {
        Pending p = pending.remove(new Key(ack.callId(), ack.cseq().number(), ack.to().tag().orElse("")));
        if (p == null) {
            return false;
        }
        p.stop();
        return true;
    }

    /** Number of 2xx responses still waiting for their ACK. */
    int size() {
        return pending.size();
    }

    private final class Pending {
        private final Key key;
        private final ServerTransaction tx;
        private final byte[] bytes;
        private Duration interval;
        private SipScheduler.Timeout resendTimer;
        private SipScheduler.Timeout giveUpTimer;
        private boolean done;

        Pending(Key key, ServerTransaction tx, byte[] bytes) {
            this.key = Objects.requireNonNull(key);
            this.tx = tx;
            this.bytes = bytes;
        }

        synchronized void start() {
            if (!tx.responseFlow().transport().reliable()) {
                interval = timers.t1();
                resendTimer = scheduler.schedule(interval, this::resend);
            }
            giveUpTimer = scheduler.schedule(timers.transactionTimeout(), this::giveUp);
        }

        private synchronized void resend() {
            if (done) {
                return;
            }
            resend.resend(bytes, tx.responseFlow());
            interval = timers.doubledCapped(interval);
            resendTimer = scheduler.schedule(interval, this::resend);
        }

        private void giveUp() {
            synchronized (this) {
                if (done) {
                    return;
                }
                stop();
            }
            if (pending.remove(key, this)) {
                noAck.accept(tx);
            }
        }

        synchronized void stop() {
            done = true;
            if (resendTimer != null) {
                resendTimer.cancel();
            }
            if (giveUpTimer != null) {
                giveUpTimer.cancel();
            }
        }
    }
}
