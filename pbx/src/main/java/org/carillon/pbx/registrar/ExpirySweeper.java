package org.carillon.pbx.registrar;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops lapsed bindings once a second. Whether a binding lapsed is decided by the injected clock, so a test that
 * moves a fake clock sees the same result by calling {@link Registrar#sweep()}; readers never see a lapsed binding
 * even between sweeps.
 */
@Component
class ExpirySweeper {
    private final Registrar registrar;

    ExpirySweeper(Registrar registrar) {
        this.registrar = registrar;
    }

    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void sweep() {
        registrar.sweep();
    }
}
