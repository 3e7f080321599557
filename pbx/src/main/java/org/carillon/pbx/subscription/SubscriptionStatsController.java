package org.carillon.pbx.subscription;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.sipserver.SipServer;
import org.carillon.sip.stack.SipStack;
import org.carillon.sip.stack.StackCounters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * {@code GET /api/v1/subscriptions/stats}: the notifier's counters and the SIP stack's, for monitoring and for
 * {@code bench/blf}, which reads them before and after each call cycle to show where NOTIFYs went (sent, failed,
 * retransmitted, dropped by the transport's bounded queue, or a round waiting for room in it).
 */
@RestController
@Allowed(Permission.SECURITY)
public class SubscriptionStatsController {
    private final SubscriptionService subscriptions;
    private final SipServer sipServer;

    public SubscriptionStatsController(SubscriptionService subscriptions, SipServer sipServer) {
        this.subscriptions = subscriptions;
        this.sipServer = sipServer;
    }

    /**
     * @param subscriptions live subscriptions
     * @param notifies      NOTIFYs since start
     * @param sip           the SIP stack's counters since start (all traffic, not only NOTIFYs); absent when the SIP
     *                      server is not running
     */
    public record Stats(int subscriptions, NotifyCounters notifies, Optional<StackCounters> sip) {
    }

    @GetMapping("/api/v1/subscriptions/stats")
    public Stats stats() {
        return new Stats(subscriptions.size(), subscriptions.notifyCounters(),
                sipServer.stack().map(SipStack::counters));
    }
}
