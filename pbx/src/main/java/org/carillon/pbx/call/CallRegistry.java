package org.carillon.pbx.call;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live calls: by id, and by every Call-ID one of their legs uses (the caller's and each branch's), so an
 * in-dialog request finds its call.
 *
 * <p>Threads: thread-safe; never blocks.
 */
@Component
public class CallRegistry {
    private final ConcurrentHashMap<String, Call> byCallId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Call> byId = new ConcurrentHashMap<>();

    /** Adds a new call under its caller's Call-ID. @return false when a call already uses that Call-ID */
    boolean add(Call call) {
        if (byCallId.putIfAbsent(call.callerCallId(), call) != null) {
            return false;
        }
        byId.put(call.id(), call);
        return true;
    }

    void alias(String callId, Call call) {
        byCallId.put(callId, call);
    }

    Optional<Call> findByCallId(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    Optional<Call> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    void remove(Call call, List<String> aliases) {
        byId.remove(call.id());
        byCallId.remove(call.callerCallId(), call);
        aliases.forEach(a -> byCallId.remove(a, call));
    }

    /** Removes only {@code aliases} of {@code call} (a picker's INVITE that came too late). */
    void remove(Call call, List<String> aliases, boolean whole) {
        if (whole) {
            remove(call, aliases);
        } else {
            aliases.forEach(a -> byCallId.remove(a, call));
        }
    }

    Collection<Call> calls() {
        return byId.values();
    }

    /** Live calls now. */
    public int size() {
        return byId.size();
    }
}
