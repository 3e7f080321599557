package org.carillon.pbx.subscription;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Ends lapsed subscriptions once a second; whether one lapsed is decided by the injected clock. */
@Component
class SubscriptionSweeper {
    private final SubscriptionService subscriptions;

    SubscriptionSweeper(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void sweep() {
        subscriptions.sweep();
    }
}
