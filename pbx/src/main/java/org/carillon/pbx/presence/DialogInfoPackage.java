package org.carillon.pbx.presence;

import org.carillon.pbx.subscription.Watcher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code dialog} event package (RFC 4235) for BLF lamps: full-state {@code application/dialog-info+xml} of an
 * extension of the watcher's tenant. Every body carries at least one {@code <dialog>} element (Yealink and others
 * ignore a body without one): an idle extension is one dialog whose state is {@code terminated}. A ringing dialog
 * carries {@code call-id}, {@code local-tag} and {@code remote-tag}: pressing the lamp sends an INVITE with
 * {@code Replaces: <call-id>;to-tag=<local-tag>;from-tag=<remote-tag>} (RFC 3891), which the call engine answers by
 * picking the call up. A held dialog's local target carries {@code +sip.rendering=no} (RFC 4235 §4.1.6). Agent and
 * profile lamps ({@link LampService}) are one dialog, {@code confirmed} or {@code terminated}, without call-id or tags
 * (nothing to pick up), whose local identity's display name says the state.
 *
 * <p>Threads: thread-safe, non-blocking.
 */
@Component
class DialogInfoPackage extends ExtensionEventPackage {
    static final String TYPE = "application/dialog-info+xml";

    /** Lamps that are not extensions, agents or profiles (parking slots). */
    private final List<DialogLampSource> sources;
    /**
     * The last document of each extension ("tenant:number"), kept for the next watcher: a round of NOTIFYs for one
     * state change sends every watcher the same document but for its version (issue 10: render once per change, not
     * once per watcher). Valid while the extension's dialog list is the same object ({@link PresenceService}
     * replaces it on every change) and the watcher addressed the same domain; else rendered again and replaced.
     */
    private final ConcurrentHashMap<String, Rendered> rendered = new ConcurrentHashMap<>();

    DialogInfoPackage(PresenceService presence, LampService lamps, List<DialogLampSource> sources) {
        super(presence, lamps, PresenceService.DIALOG, TYPE);
        this.sources = List.copyOf(sources);
    }

    @Override
    public Optional<String> resource(Watcher watcher, String user) {
        return super.resource(watcher, user).or(() -> source(watcher.tenantId(), user).map(l -> user));
    }

    @Override
    String renderLamp(Lamp lamp, Lamp.Shown shown, long version, String entity) {
        return renderLamp(lamp.key().replace(':', '-'), shown, version, entity);
    }

    static String renderLamp(String id, Lamp.Shown shown, long version, String entity) {
        String self = Xml.escape(entity);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"" + version
                + "\" state=\"full\" entity=\"" + self + "\">\n"
                + "  <dialog id=\"" + Xml.escape(id) + "\">\n"
                + "    <state>" + (shown.busy() ? "confirmed" : "terminated") + "</state>\n"
                + "    <local><identity display=\"" + Xml.escape(shown.note()) + "\">" + self
                + "</identity></local>\n"
                + "  </dialog>\n</dialog-info>\n";
    }

    @Override
    String render(long tenantId, String number, long version, String domain) {
        Optional<DialogLampSource> lamp = presence.exists(tenantId, number) ? Optional.empty()
                : source(tenantId, number);
        List<DialogLeg> legs = lamp.map(l -> l.dialog(tenantId, number).map(d -> new DialogLeg(d.id(), d.callId(),
                d.localTag(), d.remoteTag(), false, d.early() ? DialogLeg.State.EARLY : DialogLeg.State.CONFIRMED,
                d.remote(), d.since())).stream().toList()).orElseGet(() -> presence.dialogs(tenantId, number));
        return render(number, legs, version, domain);
    }

    @Override
    byte[] renderBytes(long tenantId, String number, long version, String domain) {
        if (!presence.exists(tenantId, number)) {
            return super.renderBytes(tenantId, number, version, domain); // a lamp source's dialog: built per NOTIFY
        }
        List<DialogLeg> legs = presence.dialogs(tenantId, number);
        String key = tenantId + ":" + number;
        Rendered r = rendered.get(key);
        if (r == null || r.legs() != legs || !r.domain().equals(domain)) {
            r = new Rendered(legs, domain, VersionedDocument.of(render(number, legs, VersionedDocument.MARK, domain)));
            rendered.put(key, r);
        }
        return r.document().with(version);
    }

    private record Rendered(List<DialogLeg> legs, String domain, VersionedDocument document) {
    }

    private Optional<DialogLampSource> source(long tenantId, String resource) {
        return sources.stream().filter(l -> l.serves(tenantId, resource)).findFirst();
    }

    /** The dialog-info document of extension {@code number} with {@code legs}. */
    static String render(String number, List<DialogLeg> legs, long version, String domain) {
        String self = "sip:" + number + "@" + domain;
        StringBuilder b = new StringBuilder(512);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"").append(version)
                .append("\" state=\"full\" entity=\"").append(Xml.escape(self)).append("\">\n");
        if (legs.isEmpty()) {
            b.append("  <dialog id=\"").append(Xml.escape(number)).append("\">\n")
                    .append("    <state>terminated</state>\n  </dialog>\n");
        }
        for (DialogLeg leg : legs) {
            String remote = "sip:" + leg.remote() + "@" + domain;
            b.append("  <dialog id=\"").append(Xml.escape(leg.id())).append("\" call-id=\"")
                    .append(Xml.escape(leg.callId())).append("\" local-tag=\"").append(Xml.escape(leg.localTag()))
                    .append("\" remote-tag=\"").append(Xml.escape(leg.remoteTag())).append("\" direction=\"")
                    .append(leg.initiator() ? "initiator" : "recipient").append("\">\n")
                    .append("    <state>").append(leg.state() == DialogLeg.State.EARLY ? "early" : "confirmed")
                    .append("</state>\n")
                    .append("    <local><identity>").append(Xml.escape(self)).append("</identity><target uri=\"")
                    .append(Xml.escape(self)).append("\">")
                    .append(leg.state() == DialogLeg.State.HELD ? "<param pname=\"+sip.rendering\" pvalue=\"no\"/>" : "")
                    .append("</target></local>\n")
                    .append("    <remote><identity>").append(Xml.escape(remote)).append("</identity><target uri=\"")
                    .append(Xml.escape(remote)).append("\"/></remote>\n")
                    .append("  </dialog>\n");
        }
        return b.append("</dialog-info>\n").toString();
    }
}
