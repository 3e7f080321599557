package org.carillon.pbx.presence;

import org.carillon.pbx.call.ActiveCall;
import org.carillon.pbx.call.ActiveCallsChanged;
import org.carillon.pbx.call.CallState;
import org.carillon.pbx.extension.DeviceDirectory;
import org.carillon.pbx.extension.ExtensionPresence;
import org.carillon.pbx.extension.ExtensionRemoved;
import org.carillon.pbx.extension.ExtensionStatus;
import org.carillon.pbx.extension.ExtensionStatusChanged;
import org.carillon.pbx.subscription.SubscriptionService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presence core: follows registrations ({@link ExtensionStatusChanged}) and calls ({@link ActiveCallsChanged})
 * and keeps every extension's dialogs, from which its {@link ExtensionState} is derived. Nothing calls it to change
 * state; it only listens. Each change is told to the subscription framework for the {@code dialog} and
 * {@code presence} event packages ({@link SubscriptionService#changed}, which coalesces the NOTIFYs) and announced
 * as {@link PresenceChanged} for the team directory.
 *
 * <p>Threads: thread-safe; listeners run on the publishers' threads (call executors, registrar) and never block
 * (one short lock while a call event updates the dialog tables); reads, one per NOTIFY, take only the extension's
 * own short lock ({@link ExtensionDialogs}).
 */
@Component
public class PresenceService {
    static final String DIALOG = "dialog";
    static final String PRESENCE = "presence";

    private final DeviceDirectory devices;
    private final ExtensionPresence registrations;
    private final ApplicationEventPublisher events;
    /** Lazily: the subscription service needs the event packages, which need this service. */
    private final ObjectProvider<SubscriptionService> subscriptions;
    /** The time of each {@link PresenceChanged}. */
    private final Clock clock;
    /**
     * The subscription service once found: every call event announces (issue 6), and each
     * {@code ObjectProvider.getIfAvailable} resolves the bean again (~1 kB of candidate maps, injection points and
     * generic types per look-up, ~8 kB per call).
     */
    private volatile SubscriptionService subscriptionService;
    /**
     * Dialogs per extension ("tenant:number"): changed in constant time per call event (writes hold {@code this}), an
     * extension without dialogs has no entry.
     */
    private final ConcurrentHashMap<String, ExtensionDialogs> byExtension = new ConcurrentHashMap<>();
    /** The numbers each live call touches, to find what it no longer touches. Guarded by {@code this}. */
    private final Map<String, Set<String>> byCall = new HashMap<>();
    private final ConcurrentHashMap<String, ExtensionState> lastAnnounced = new ConcurrentHashMap<>();

    public PresenceService(DeviceDirectory devices, ExtensionPresence registrations,
                           ApplicationEventPublisher events, ObjectProvider<SubscriptionService> subscriptions,
                           Clock clock) {
        this.devices = devices;
        this.registrations = registrations;
        this.events = events;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The state of an extension now (UNREGISTERED for a number that is no extension). */
    public ExtensionState state(long tenantId, String number) {
        return state(byExtension.get(key(tenantId, number)), tenantId, number);
    }

    private ExtensionState state(ExtensionDialogs legs, long tenantId, String number) {
        Optional<ExtensionState> inCalls = legs == null ? Optional.empty() : legs.state();
        if (inCalls.isPresent()) {
            return inCalls.get();
        }
        ExtensionStatus status = devices.findByNumber(tenantId, number)
                .map(d -> registrations.status(d.extensionId())).orElse(ExtensionStatus.UNREGISTERED);
        return switch (status) {
            case READY -> ExtensionState.READY;
            case UNREACHABLE -> ExtensionState.UNREACHABLE;
            case UNREGISTERED -> ExtensionState.UNREGISTERED;
        };
    }

    /** The extension's live dialogs, oldest first. */
    List<DialogLeg> dialogs(long tenantId, String number) {
        ExtensionDialogs legs = byExtension.get(key(tenantId, number));
        return legs == null ? List.of() : legs.list();
    }

    boolean exists(long tenantId, String number) {
        return devices.findByNumber(tenantId, number).isPresent();
    }

    @EventListener
    public void onRegistration(ExtensionStatusChanged change) {
        announce(change.tenantId(), change.number());
    }

    /** A deleted extension: its watchers get a last NOTIFY ({@code reason=noresource}) and its lamp goes away. */
    @EventListener
    public void onRemoved(ExtensionRemoved removed) {
        lastAnnounced.remove(key(removed.tenantId(), removed.number()));
        SubscriptionService s = subscriptions();
        if (s != null) {
            s.resourceRemoved(removed.tenantId(), DIALOG, removed.number());
            s.resourceRemoved(removed.tenantId(), PRESENCE, removed.number());
        }
        events.publishEvent(new PresenceChanged(removed.tenantId(), removed.number(), ExtensionState.UNREGISTERED,
                clock));
    }

    /** A call started, changed or ended: recompute the dialogs of every extension it touches or touched. */
    @EventListener
    public void onCall(ActiveCallsChanged change) {
        ActiveCall call = change.call();
        Map<String, DialogLeg> now = legsOf(call);
        Set<String> touched = new HashSet<>();
        synchronized (this) {
            Set<String> before = byCall.getOrDefault(call.id(), Set.of());
            for (String number : before) {
                if (!now.containsKey(number) && replace(call, number, Optional.empty())) {
                    touched.add(number);
                }
            }
            now.forEach((number, leg) -> {
                if (replace(call, number, Optional.of(leg))) {
                    touched.add(number);
                }
            });
            if (now.isEmpty()) {
                byCall.remove(call.id());
            } else {
                byCall.put(call.id(), Set.copyOf(now.keySet()));
            }
        }
        touched.forEach(n -> announce(call.tenantId(), n));
    }

    /**
     * Puts {@code leg} in place of {@code call}'s dialog of extension {@code number} (empty: removes it); call with
     * {@code this} held. @return true when the extension's dialogs changed
     */
    private boolean replace(ActiveCall call, String number, Optional<DialogLeg> leg) {
        String key = key(call.tenantId(), number);
        ExtensionDialogs legs = leg.isPresent() ? byExtension.computeIfAbsent(key, k -> new ExtensionDialogs())
                : byExtension.get(key);
        if (legs == null || !legs.replace(call.id(), leg)) {
            return false;
        }
        if (legs.isEmpty()) {
            byExtension.remove(key);
        }
        return true;
    }

    /** The dialog each extension has in {@code call}, by number. */
    static Map<String, DialogLeg> legsOf(ActiveCall call) {
        Map<String, DialogLeg> legs = new HashMap<>();
        if (call.state() == CallState.ENDED || call.legs() == null) {
            return legs;
        }
        ActiveCall.Legs l = call.legs();
        List<String> parties = l.parties();
        boolean connected = call.state() == CallState.ANSWERED || call.state() == CallState.ON_HOLD;
        DialogLeg.State talking = call.state() == CallState.ON_HOLD ? DialogLeg.State.HELD : DialogLeg.State.CONFIRMED;
        Optional<String> ringing = l.ringing();
        if (!parties.isEmpty()) {
            String first = parties.getFirst();
            String other = parties.size() > 1 ? parties.get(1) : ringing.orElse(call.dialled());
            legs.put(first, new DialogLeg(call.id(), l.callId(), l.callerTag(), l.pbxTag(), true,
                    connected ? talking : DialogLeg.State.EARLY, other, call.startedAt()));
            if (parties.size() > 1) {
                legs.put(parties.get(1), new DialogLeg(call.id(), l.callId(), l.pbxTag(), l.callerTag(), false,
                        connected ? talking : DialogLeg.State.EARLY, first, call.startedAt()));
            }
        }
        if (ringing.isPresent() && !legs.containsKey(ringing.get())) {
            String from = parties.isEmpty() ? call.caller() : parties.getFirst();
            legs.put(ringing.get(), new DialogLeg(call.id(), l.callId(), l.pbxTag(), l.callerTag(), false,
                    DialogLeg.State.EARLY, from, call.startedAt()));
        }
        return legs;
    }

    private void announce(long tenantId, String number) {
        // straight to the subscriptions rather than as two ResourceChanged events: every state change of every call
        // comes here (issue 6), and no other listener wants an extension's changes (parking's page wants slots)
        SubscriptionService s = subscriptions();
        if (s != null) {
            s.changed(tenantId, DIALOG, number);
            s.changed(tenantId, PRESENCE, number);
        }
        String key = key(tenantId, number);
        ExtensionState state = state(byExtension.get(key), tenantId, number);
        ExtensionState before = lastAnnounced.put(key, state);
        if (before != state) {
            events.publishEvent(new PresenceChanged(tenantId, number, state, clock));
        }
    }

    /** The subscription service, looked up until it is there, then kept. */
    private SubscriptionService subscriptions() {
        SubscriptionService s = subscriptionService;
        if (s == null) {
            s = subscriptions.getIfAvailable();
            subscriptionService = s;
        }
        return s;
    }

    private static String key(long tenantId, String number) {
        return tenantId + ":" + number;
    }
}
