package org.carillon.pbx.presence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One extension's live dialogs, by call, with the counts its {@link ExtensionState} is derived from. A call event
 * changes one entry and the counts in constant time; the oldest-first list a NOTIFY shows is sorted only when it is
 * read after a change. An extension in hundreds of calls at once (a busy operator, the call benchmark's callee) would
 * otherwise pay a copy and a sort of all its dialogs on every state change of every one of its calls.
 *
 * <p>Threads: every method holds this object's monitor briefly; writers are serialised by {@link PresenceService}.
 */
final class ExtensionDialogs {
    private static final Comparator<DialogLeg> OLDEST_FIRST =
            Comparator.comparing(DialogLeg::startedAt).thenComparing(DialogLeg::id);

    private final Map<String, DialogLeg> byCall = new HashMap<>();
    private int confirmed;
    private int held;
    private int recipient;
    /** The dialogs oldest first, or null after a change until the next read. */
    private List<DialogLeg> sorted = List.of();

    /**
     * Puts {@code leg} in place of call {@code callId}'s dialog (empty: removes it).
     *
     * @return true when the dialogs changed
     */
    synchronized boolean replace(String callId, Optional<DialogLeg> leg) {
        DialogLeg old = byCall.get(callId);
        if (leg.isPresent() ? leg.get().equals(old) : old == null) {
            return false;
        }
        if (old != null) {
            count(old, -1);
        }
        if (leg.isPresent()) {
            byCall.put(callId, leg.get());
            count(leg.get(), 1);
        } else {
            byCall.remove(callId);
        }
        sorted = null;
        return true;
    }

    private void count(DialogLeg leg, int delta) {
        switch (leg.state()) {
            case CONFIRMED -> confirmed += delta;
            case HELD -> held += delta;
            case EARLY -> { }
        }
        if (!leg.initiator()) {
            recipient += delta;
        }
    }

    synchronized boolean isEmpty() {
        return byCall.isEmpty();
    }

    /** The dialogs, oldest first (by start, then id). */
    synchronized List<DialogLeg> list() {
        if (sorted == null) {
            List<DialogLeg> all = new ArrayList<>(byCall.values());
            all.sort(OLDEST_FIRST);
            sorted = List.copyOf(all);
        }
        return sorted;
    }

    /**
     * What the dialogs make of the extension: IN_CALL over ON_HOLD over RINGING; an outgoing call that still rings is
     * IN_CALL (the phone is busy). Empty when there is no dialog (the registration decides).
     */
    synchronized Optional<ExtensionState> state() {
        if (confirmed > 0) {
            return Optional.of(ExtensionState.IN_CALL);
        }
        if (held > 0) {
            return Optional.of(ExtensionState.ON_HOLD);
        }
        if (recipient > 0) {
            return Optional.of(ExtensionState.RINGING);
        }
        return byCall.isEmpty() ? Optional.empty() : Optional.of(ExtensionState.IN_CALL);
    }
}
