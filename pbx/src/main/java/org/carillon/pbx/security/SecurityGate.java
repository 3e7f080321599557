package org.carillon.pbx.security;

import org.carillon.pbx.sipserver.SipGate;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.transport.Flow;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.LongAdder;

/** The {@link SipGate}: refuses banned sources and known scanners, counting both. */
@Component
public class SecurityGate implements SipGate {
    private final SourceBans bans;
    private final LongAdder scanners = new LongAdder();
    private final LongAdder banned = new LongAdder();

    public SecurityGate(SourceBans bans) {
        this.bans = bans;
    }

    @Override
    public boolean refuse(SipRequest request, Flow source) {
        if (bans.isBanned(source.remote().getAddress())) {
            banned.increment();
            return true;
        }
        String ua = request.headers().first(HeaderName.USER_AGENT).orElse("");
        if (!ua.isEmpty() && ScannerUserAgents.isScanner(ua)) {
            scanners.increment();
            return true;
        }
        return false;
    }

    /** Requests refused because they came from a scanner, since start. */
    public long scannersRefused() {
        return scanners.sum();
    }

    /** Requests refused because their source was banned, since start. */
    public long bannedRefused() {
        return banned.sum();
    }
}
