package org.carillon.pbx.call;

import org.carillon.sip.clock.FakeScheduler;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.uri.Uri;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The callee leg's RFC 4028 session timer, on a fake clock. */
class SessionRefreshTest {
    private final FakeScheduler clock = new FakeScheduler();
    private final List<String> refreshes = new ArrayList<>();
    private int expired;
    private final SessionRefresh timer = new SessionRefresh(clock, Runnable::run, new SessionRefresh.Leg() {
        @Override
        public void sendRefresh(String sessionExpires) {
            refreshes.add(sessionExpires);
        }

        @Override
        public void expired() {
            expired++;
        }
    });

    private static SipRequest invite() {
        return SipRequest.create(SipMethod.INVITE, Uri.parse("sip:1001@192.0.2.10"));
    }

    private static SipResponse ok(String sessionExpires) {
        SipRequest r = invite();
        r.headers().add(HeaderName.CALL_ID, "c@x");
        SipResponse ok = r.createResponse(200);
        if (sessionExpires != null) {
            ok.headers().add(HeaderName.SESSION_EXPIRES, sessionExpires);
        }
        return ok;
    }

    private static SipRequest update(String sessionExpires) {
        SipRequest u = SipRequest.create(SipMethod.UPDATE, Uri.parse("sip:pbx@192.0.2.1"));
        if (sessionExpires != null) {
            u.headers().add(HeaderName.SESSION_EXPIRES, sessionExpires);
        }
        return u;
    }

    @Test
    void theInviteAsksForTimersWithThePbxRefreshingAndNeverBelowNinetySeconds() {
        SipRequest invite = invite();
        SessionRefresh.ask(invite, Duration.ofSeconds(1800));
        assertThat(invite.headers().first(HeaderName.SUPPORTED)).contains("timer");
        assertThat(invite.headers().first(HeaderName.SESSION_EXPIRES)).contains("1800;refresher=uac");
        assertThat(invite.headers().first(HeaderName.of("Min-SE"))).contains("90");

        SipRequest small = invite();
        SessionRefresh.ask(small, Duration.ofSeconds(30));
        assertThat(small.headers().first(HeaderName.SESSION_EXPIRES)).contains("90;refresher=uac");

        SipRequest off = invite();
        SessionRefresh.ask(off, Duration.ZERO);
        assertThat(off.headers().contains(HeaderName.SESSION_EXPIRES)).isFalse();
    }

    @Test
    void aCalleeWithoutTimersGetsNone() {
        timer.answered(ok(null));
        clock.advance(Duration.ofHours(2));
        assertThat(refreshes).isEmpty();
        assertThat(expired).isZero();
        assertThat(clock.pending()).isZero();
    }

    @Test
    void whenThePbxRefreshesItSendsARefreshAtHalfTheIntervalAndKeepsGoingWhileTheyAreAnswered() {
        timer.answered(ok("600;refresher=uac"));
        clock.advance(Duration.ofSeconds(299));
        assertThat(refreshes).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(refreshes).containsExactly("600;refresher=uac");

        timer.refreshAnswered(200, Optional.of(ok("600;refresher=uac")));
        clock.advance(Duration.ofSeconds(300));
        assertThat(refreshes).hasSize(2);
        assertThat(expired).isZero();
    }

    @Test
    void aRefreshAnswered481OrTimingOutEndsTheCall() {
        timer.answered(ok("120;refresher=uac"));
        clock.advance(Duration.ofSeconds(60));
        timer.refreshAnswered(481, Optional.empty());
        assertThat(expired).isEqualTo(1);

        SessionRefresh other = new SessionRefresh(clock, Runnable::run, new SessionRefresh.Leg() {
            @Override
            public void sendRefresh(String sessionExpires) {
            }

            @Override
            public void expired() {
                expired++;
            }
        });
        other.answered(ok("120;refresher=uac"));
        clock.advance(Duration.ofSeconds(60));
        other.refreshAnswered(408, Optional.empty());
        assertThat(expired).isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        assertThat(expired).isEqualTo(2);
    }

    @Test
    void aRefreshRefusedForAnotherReasonIsRetriedAndTheSessionGoesOn() {
        timer.answered(ok("120;refresher=uac"));
        clock.advance(Duration.ofSeconds(60));
        timer.refreshAnswered(491, Optional.empty());
        assertThat(expired).isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(refreshes).hasSize(2);
    }

    @Test
    void whenTheCalleeRefreshesTheCallEndsIfNoRefreshComesBeforeTheIntervalIsNearlyOver() {
        timer.answered(ok("120;refresher=uas"));
        clock.advance(Duration.ofSeconds(80)); // 120 - min(32, 40)
        assertThat(refreshes).isEmpty();
        assertThat(expired).isZero();
        clock.advance(Duration.ofSeconds(8));
        assertThat(expired).isEqualTo(1);
    }

    @Test
    void theCalleesRefreshRestartsTheClockAndOur2xxNamesItAsRefresher() {
        timer.answered(ok("120;refresher=uas"));
        clock.advance(Duration.ofSeconds(70));
        assertThat(timer.refreshedByPeer(update("120;refresher=uac"))).contains("120;refresher=uac");
        clock.advance(Duration.ofSeconds(70));
        assertThat(expired).isZero();
        clock.advance(Duration.ofSeconds(20));
        assertThat(expired).isEqualTo(1);
    }

    @Test
    void aCalleesRefreshMayHandTheRefreshingToUsOrTurnTimersOff() {
        timer.answered(ok("120;refresher=uas"));
        assertThat(timer.refreshedByPeer(update("100;refresher=uas"))).contains("100;refresher=uas");
        assertThat(timer.weRefresh()).isTrue();
        clock.advance(Duration.ofSeconds(50));
        assertThat(refreshes).containsExactly("100;refresher=uac");

        assertThat(timer.refreshedByPeer(update(null))).isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(refreshes).hasSize(1);
        assertThat(expired).isZero();
    }

    @Test
    void aCalleesRefreshCrossingTheByeStartsNoTimerOnTheEndedDialog() {
        timer.answered(ok("120;refresher=uas"));
        timer.stop(); // our BYE, or the callee's

        assertThat(timer.refreshedByPeer(update("120;refresher=uac"))).isEmpty();
        assertThat(clock.pending()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(expired).isZero();
    }

    @Test
    void aCalleeThatTurnedTimersOffMayTurnThemOnAgainInALaterRefresh() {
        timer.answered(ok(null)); // no timers at first
        assertThat(timer.refreshedByPeer(update(null))).isEmpty();

        assertThat(timer.refreshedByPeer(update("120;refresher=uac"))).contains("120;refresher=uac");
        clock.advance(Duration.ofSeconds(88)); // 120 - min(32, 40)
        assertThat(expired).isEqualTo(1);
    }

    @Test
    void aStoppedTimerNeitherRefreshesNorExpiresAndLeavesNothingScheduled() {
        timer.answered(ok("120;refresher=uac"));
        timer.stop();
        assertThat(clock.pending()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(refreshes).isEmpty();
        assertThat(expired).isZero();
    }

    @Test
    void valuesAreReadLeniently() {
        assertThat(SessionRefresh.Value.parse("1800 ; Refresher = UAS")).hasValueSatisfying(v -> {
            assertThat(v.interval()).isEqualTo(Duration.ofSeconds(1800));
            assertThat(v.refresher()).contains("uas");
        });
        assertThat(SessionRefresh.Value.parse("30").orElseThrow().interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(SessionRefresh.Value.parse("soon")).isEmpty();
        assertThat(SessionRefresh.Value.parse("0;refresher=uac")).isEmpty();
    }
}
