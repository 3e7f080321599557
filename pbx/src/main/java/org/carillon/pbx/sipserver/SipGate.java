package org.carillon.pbx.sipserver;

import org.carillon.sip.message.SipRequest;
import org.carillon.sip.transport.Flow;

/**
 * Decides, before any feature sees a request, whether its source may be served at all (bans, scanners). The
 * security feature implements it.
 */
public interface SipGate {

    /** True when the request must be refused without further work. */
    boolean refuse(SipRequest request, Flow source);
}
