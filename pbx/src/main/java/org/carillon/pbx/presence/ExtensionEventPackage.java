package org.carillon.pbx.presence;

import org.carillon.pbx.subscription.EventPackage;
import org.carillon.pbx.subscription.Watcher;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code dialog} and {@code presence} packages share: the watched resource is an extension of the watcher's
 * tenant, named by its number, or an agent or call-profile lamp named by its feature code ({@link LampService}); the
 * body is rendered from the presence core's state when each NOTIFY is built.
 *
 * <p>Threads: thread-safe, non-blocking.
 */
abstract class ExtensionEventPackage implements EventPackage {
    final PresenceService presence;
    final LampService lamps;
    private final String name;
    private final String contentType;

    ExtensionEventPackage(PresenceService presence, LampService lamps, String name, String contentType) {
        this.presence = presence;
        this.lamps = lamps;
        this.name = name;
        this.contentType = contentType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> contentTypes() {
        return List.of(contentType);
    }

    @Override
    public Optional<String> resource(Watcher watcher, String user) {
        return presence.exists(watcher.tenantId(), user) ? Optional.of(user)
                : lamps.resolve(watcher, user).map(Lamp::key);
    }

    @Override
    public byte[] body(long tenantId, String resource, String contentType, long version, String entity) {
        Optional<Lamp> lamp = Lamp.parse(resource);
        return lamp.isPresent()
                ? renderLamp(lamp.get(), lamps.shown(tenantId, lamp.get()), version, entity)
                        .getBytes(StandardCharsets.UTF_8)
                : renderBytes(tenantId, resource, version, domainOf(entity));
    }

    /** {@link #render} as UTF-8; a package may keep what it rendered for the next watcher of the same state. */
    byte[] renderBytes(long tenantId, String number, long version, String domain) {
        return render(tenantId, number, version, domain).getBytes(StandardCharsets.UTF_8);
    }

    /** The document of an agent or profile lamp; {@code entity} is the URI the watcher subscribed to. */
    abstract String renderLamp(Lamp lamp, Lamp.Shown shown, long version, String entity);

    /** The document for extension {@code number} now; {@code version} counts this subscription's NOTIFYs. */
    abstract String render(long tenantId, String number, long version, String domain);

    /** {@code sip:1001@pbx.example;x=y} → {@code pbx.example}: the domain the watcher addressed. */
    static String domainOf(String entity) {
        int at = entity.indexOf('@');
        String rest = at < 0 ? entity.substring(entity.indexOf(':') + 1) : entity.substring(at + 1);
        int end = rest.length();
        for (char c : new char[]{';', '?', '>'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }
}
