package org.carillon.sip.transport;

import io.netty.channel.Channel;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open stream connections by remote address, so responses and new requests to a peer reuse the
 * connection it opened (RFC 3261 §18.2.2, §18.1.1 "SHOULD use an existing connection").
 * Thread-safe; bounded by {@code limit}.
 */
final class Connections {

    private final ConcurrentMap<Flow, Channel> byFlow = new ConcurrentHashMap<>();
    private final int limit;

    Connections(int limit) {
        this.limit = limit;
    }

    /** False when the table is full; the newest connection for a flow wins. */
    boolean register(Flow flow, Channel channel) {
        if (byFlow.size() >= limit && !byFlow.containsKey(flow)) {
            return false;
        }
        byFlow.put(flow, channel);
        return true;
    }

    void unregister(Flow flow, Channel channel) {
        byFlow.remove(flow, channel);
    }

    Optional<Channel> find(Flow flow) {
        Channel c = byFlow.get(flow);
        return c != null && c.isActive() ? Optional.of(c) : Optional.empty();
    }

    int size() {
        return byFlow.size();
    }

    void closeAll() {
        byFlow.values().forEach(Channel::close);
    }
}
