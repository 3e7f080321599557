package org.carillon.pbx.voicemail;

import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.subscription.EventPackage;
import org.carillon.pbx.subscription.SubscriptionRefusedException;
import org.carillon.pbx.subscription.Watcher;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The {@code message-summary} event package (RFC 3842) for the subscription framework: a phone subscribes to its own
 * extension's mailbox (another extension's is refused 403, an unknown one 404); the body comes from the in-memory
 * counts of {@link MessageWaiting}. Thread-safe, non-blocking.
 */
@Component
class MessageSummaryPackage implements EventPackage {
    private final MessageWaiting waiting;
    private final DeviceDirectory devices;

    MessageSummaryPackage(MessageWaiting waiting, DeviceDirectory devices) {
        this.waiting = waiting;
        this.devices = devices;
    }

    @Override
    public String name() {
        return MessageWaiting.EVENT;
    }

    @Override
    public List<String> contentTypes() {
        return List.of(MessageWaiting.CONTENT_TYPE);
    }

    @Override
    public Optional<String> resource(Watcher watcher, String user) {
        if (user.equals(watcher.number())) {
            return Optional.of(user);
        }
        if (devices.findByNumber(watcher.tenantId(), user).isPresent()) {
            throw new SubscriptionRefusedException(403, "only the extension's own mailbox");
        }
        return Optional.empty();
    }

    @Override
    public byte[] body(long tenantId, String resource, String contentType, long version, String entity) {
        long extensionId = devices.findByNumber(tenantId, resource).map(d -> d.extensionId()).orElse(-1L);
        return MessageWaiting.body(waiting.counts(extensionId), entity);
    }
}
