package org.carillon.pbx.presence;

import org.carillon.pbx.profile.CallProfile;
import org.carillon.pbx.profile.ProfileService;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@code presence} event package (RFC 3856) for softphones: an extension's state as PIDF (RFC 3863) with an RPID
 * activity (RFC 4480): {@code basic} open while it can take calls (idle, ringing, in a call, on hold), closed when
 * unregistered, unreachable or unavailable; {@code on-the-phone} while in a call or on hold; the directory's words as {@code note}.
 * The person element carries the active call profile (issue 12) as a {@code note} ("Profile: Busy") and, while the
 * extension is not on the phone, as an activity: {@code busy} for Busy, {@code away} for Away (custom profiles: none).
 * Agent and profile lamps ({@link LampService}) have their own document: basic, activity and note as that class lists.
 *
 * <p>Threads: thread-safe, non-blocking.
 */
@Component
class PidfPackage extends ExtensionEventPackage {
    static final String TYPE = "application/pidf+xml";

    private final ProfileService profiles;

    PidfPackage(PresenceService presence, LampService lamps, ProfileService profiles) {
        super(presence, lamps, PresenceService.PRESENCE, TYPE);
        this.profiles = profiles;
    }

    @Override
    String render(long tenantId, String number, long version, String domain) {
        return render(number, presence.state(tenantId, number), profiles.activeProfile(tenantId, number), domain);
    }

    static String render(String number, ExtensionState state, String domain) {
        return render(number, state, Optional.empty(), domain);
    }

    static String render(String number, ExtensionState state, Optional<CallProfile> profile, String domain) {
        String self = Xml.escape("sip:" + number + "@" + domain);
        boolean open = state.reachable();
        String byProfile = profile.map(p -> switch (p.kind()) {
            case BUSY -> "<rpid:busy/>";
            case AWAY -> "<rpid:away/>";
            default -> "";
        }).orElse("");
        String activity = switch (state) {
            case IN_CALL, ON_HOLD -> "<rpid:on-the-phone/>";
            case UNAVAILABLE, UNREACHABLE -> "<rpid:away/>";
            default -> byProfile;
        };
        String profileNote = profile.map(p -> "<dm:note>Profile: " + Xml.escape(p.label()) + "</dm:note>").orElse("");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"" + self + "\">\n"
                + "  <tuple id=\"t" + Xml.escape(number) + "\"><status><basic>" + (open ? "open" : "closed")
                + "</basic></status><contact>" + self + "</contact><note>" + state.label() + "</note></tuple>\n"
                + "  <dm:person id=\"p" + Xml.escape(number) + "\"><rpid:activities>"
                + (activity.isEmpty() ? "<rpid:unknown/>" : activity) + "</rpid:activities>" + profileNote
                + "</dm:person>\n"
                + "</presence>\n";
    }

    @Override
    String renderLamp(Lamp lamp, Lamp.Shown shown, long version, String entity) {
        String self = Xml.escape(entity);
        String id = Xml.escape(lamp.key().replace(':', '-'));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"" + self + "\">\n"
                + "  <tuple id=\"t" + id + "\"><status><basic>" + (shown.open() ? "open" : "closed")
                + "</basic></status><contact>" + self + "</contact><note>" + Xml.escape(shown.note())
                + "</note></tuple>\n"
                + "  <dm:person id=\"p" + id + "\"><rpid:activities>"
                + (shown.activity().isEmpty() ? "<rpid:unknown/>" : "<rpid:" + shown.activity() + "/>")
                + "</rpid:activities></dm:person>\n"
                + "</presence>\n";
    }
}
