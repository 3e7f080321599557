package org.carillon.pbx.security;

import java.util.List;
import java.util.Locale;

/**
 * User-Agent strings of the SIP scanners seen in the wild (SIPVicious and its forks, sipcli, sundayddr, …). Requests
 * carrying them are refused before any lookup, so scanners learn nothing about extensions (SPEC §1 Security).
 */
public final class ScannerUserAgents {
    private static final List<String> MARKERS = List.of("friendly-scanner", "sipvicious", "sipcli", "sip-scan",
            "sundayddr", "iwar", "vaxsipuseragent", "pplsip", "smap", "sipscan");

    private ScannerUserAgents() {
    }

    /** True when {@code userAgent} is a known scanner's. */
    public static boolean isScanner(String userAgent) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String m : MARKERS) {
            if (ua.contains(m)) {
                return true;
            }
        }
        return false;
    }
}
