package org.carillon.pbx.presence;

import org.springframework.stereotype.Component;

/**
 * The {@code presence} event package (RFC 3856) for softphones: an extension's state as PIDF (RFC 3863) with an RPID
 * activity (RFC 4480): {@code basic} open while it can take calls (idle, ringing, in a call, on hold), closed when
 * unregistered, unreachable or unavailable; {@code on-the-phone} while in a call or on hold; the directory's words as {@code note}.
 *
 * <p>Threads: thread-safe, non-blocking.
 */
@Component
class PidfPackage extends ExtensionEventPackage {
    static final String TYPE = "application/pidf+xml";

    PidfPackage(PresenceService presence) {
        super(presence, PresenceService.PRESENCE, TYPE);
    }

    @Override
    String render(long tenantId, String number, long version, String domain) {
        return render(number, presence.state(tenantId, number), domain);
    }

    static String render(String number, ExtensionState state, String domain) {
        String self = Xml.escape("sip:" + number + "@" + domain);
        boolean open = state.reachable();
        String activity = switch (state) {
            case IN_CALL, ON_HOLD -> "<rpid:on-the-phone/>";
            case UNAVAILABLE, UNREACHABLE -> "<rpid:away/>";
            default -> "";
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"" + self + "\">\n"
                + "  <tuple id=\"t" + Xml.escape(number) + "\"><status><basic>" + (open ? "open" : "closed")
                + "</basic></status><contact>" + self + "</contact><note>" + state.label() + "</note></tuple>\n"
                + "  <dm:person id=\"p" + Xml.escape(number) + "\"><rpid:activities>"
                + (activity.isEmpty() ? "<rpid:unknown/>" : activity) + "</rpid:activities></dm:person>\n"
                + "</presence>\n";
    }
}
