package org.carillon.pbx.presence;

import org.carillon.pbx.subscription.EventPackage;
import org.carillon.pbx.subscription.Watcher;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The {@code presence} event package (RFC 3856) for softphones: an extension's state as PIDF (RFC 3863) with an RPID
 * activity (RFC 4480): {@code basic} open while it can take calls (idle, ringing, in a call, on hold), closed when
 * offline or unavailable; {@code on-the-phone} while in a call or on hold; the directory's words as {@code note}.
 *
 * <p>Threads: thread-safe, non-blocking.
 */
@Component
class PidfPackage implements EventPackage {
    static final String TYPE = "application/pidf+xml";
    private final PresenceService presence;

    PidfPackage(PresenceService presence) {
        this.presence = presence;
    }

    @Override
    public String name() {
        return PresenceService.PRESENCE;
    }

    @Override
    public List<String> contentTypes() {
        return List.of(TYPE);
    }

    @Override
    public Optional<String> resource(Watcher watcher, String user) {
        return presence.exists(watcher.tenantId(), user) ? Optional.of(user) : Optional.empty();
    }

    @Override
    public byte[] body(long tenantId, String resource, String contentType, long version, String entity) {
        return render(resource, presence.state(tenantId, resource), DialogInfoPackage.domainOf(entity))
                .getBytes(StandardCharsets.UTF_8);
    }

    static String render(String number, ExtensionState state, String domain) {
        String self = Xml.escape("sip:" + number + "@" + domain);
        boolean open = state != ExtensionState.OFFLINE && state != ExtensionState.UNAVAILABLE;
        String activity = switch (state) {
            case IN_CALL, ON_HOLD -> "<rpid:on-the-phone/>";
            case UNAVAILABLE -> "<rpid:away/>";
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
