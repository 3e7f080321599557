package org.carillon.pbx.registrar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The location service (RFC 3261 §10): every extension's bindings in memory, one small immutable list per
 * extension replaced atomically. The registrar writes it, the API and (later) call routing read it; the
 * {@link BindingWriter} copies changes to the database.
 *
 * <p>Threads: thread-safe. Changes to one extension are serialised on its entry; readers never block.
 */
final class BindingTable {
    /** Told about every extension whose bindings changed, after the change. */
    interface Listener {
        void changed(long extensionId, long tenantId);
    }

    private final ConcurrentHashMap<Long, List<Binding>> byExtension = new ConcurrentHashMap<>();
    private final Listener listener;

    BindingTable(Listener listener) {
        this.listener = listener;
    }

    /** The bindings of an extension that have not lapsed at {@code now}, oldest first. */
    List<Binding> current(long extensionId, Instant now) {
        List<Binding> list = byExtension.getOrDefault(extensionId, List.of());
        for (Binding b : list) {
            if (b.expired(now)) {
                return list.stream().filter(x -> !x.expired(now)).toList();
            }
        }
        return list;
    }

    /** Everything stored, lapsed or not (for the writer and tests). */
    List<Binding> raw(long extensionId) {
        return byExtension.getOrDefault(extensionId, List.of());
    }

    /**
     * Applies {@code change} to one extension's list atomically.
     *
     * @return what {@code change} decided
     */
    RegisterOutcome update(long extensionId, long tenantId, java.util.function.Function<List<Binding>,
            RegisterOutcome> change) {
        RegisterOutcome[] outcome = new RegisterOutcome[1];
        byExtension.compute(extensionId, (id, before) -> {
            List<Binding> old = before == null ? List.of() : before;
            outcome[0] = change.apply(old);
            if (outcome[0] instanceof RegisterOutcome.Accepted a && a.changed()) {
                return a.bindings().isEmpty() ? null : a.bindings();
            }
            return before;
        });
        if (outcome[0] instanceof RegisterOutcome.Accepted a && a.changed()) {
            listener.changed(extensionId, tenantId);
        }
        return outcome[0];
    }

    /** Replaces bindings matching one contact of an extension (reachability marks); no-op when absent. */
    void mark(long extensionId, long tenantId, String contact, UnaryOperator<Binding> how) {
        boolean[] changed = new boolean[1];
        byExtension.computeIfPresent(extensionId, (id, list) -> {
            List<Binding> out = new ArrayList<>(list.size());
            for (Binding b : list) {
                Binding n = b.contact().equals(contact) ? how.apply(b) : b;
                changed[0] |= !n.equals(b);
                out.add(n);
            }
            return List.copyOf(out);
        });
        if (changed[0]) {
            listener.changed(extensionId, tenantId);
        }
    }

    /** Drops an extension's bindings (the extension was deleted). */
    void remove(long extensionId, long tenantId) {
        if (byExtension.remove(extensionId) != null) {
            listener.changed(extensionId, tenantId);
        }
    }

    /** Removes lapsed bindings; returns how many. */
    int sweep(Instant now) {
        int removed = 0;
        for (Map.Entry<Long, List<Binding>> e : byExtension.entrySet()) {
            List<Binding> list = e.getValue();
            if (list.stream().anyMatch(b -> b.expired(now))) {
                long tenantId = list.getFirst().tenantId();
                int[] n = new int[1];
                byExtension.computeIfPresent(e.getKey(), (id, l) -> {
                    List<Binding> kept = l.stream().filter(b -> !b.expired(now)).toList();
                    n[0] = l.size() - kept.size();
                    return kept.isEmpty() ? null : kept;
                });
                if (n[0] > 0) {
                    removed += n[0];
                    listener.changed(e.getKey(), tenantId);
                }
            }
        }
        return removed;
    }

    /** Loads bindings read back from the database at start (no listener calls). */
    void load(long extensionId, List<Binding> bindings) {
        if (!bindings.isEmpty()) {
            byExtension.put(extensionId, List.copyOf(bindings));
        }
    }

    /** Every extension that has bindings, with them. */
    Map<Long, List<Binding>> snapshot() {
        return Map.copyOf(byExtension);
    }

    int bindingCount() {
        return byExtension.values().stream().mapToInt(List::size).sum();
    }

    /** A tenant's live (unlapsed at {@code now}) bindings and how many extensions hold at least one. */
    Registered registered(long tenantId, Instant now) {
        int contacts = 0;
        int extensions = 0;
        for (List<Binding> list : byExtension.values()) {
            int live = 0;
            for (Binding b : list) {
                if (b.tenantId() == tenantId && !b.expired(now)) {
                    live++;
                }
            }
            contacts += live;
            extensions += live > 0 ? 1 : 0;
        }
        return new Registered(contacts, extensions);
    }

    void clear() {
        byExtension.clear();
    }
}
