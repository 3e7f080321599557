package org.carillon.pbx.security;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idle failure counters once a minute so the table stays small under a scan. */
@Component
class BanPurge {
    private final SourceBans bans;

    BanPurge(SourceBans bans) {
        this.bans = bans;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void purge() {
        bans.purge();
    }
}
