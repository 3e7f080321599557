package org.carillon.pbx.presence;

import org.carillon.pbx.profile.CallProfile;
import org.carillon.pbx.profile.ProfileChanged;
import org.carillon.pbx.profile.ProfileService;
import org.carillon.pbx.routing.FeatureCodeService;
import org.carillon.pbx.routing.FeatureCodes;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.pbx.subscription.Watcher;
import org.carillon.pbx.team.Agent;
import org.carillon.pbx.team.AgentService;
import org.carillon.pbx.team.AgentState;
import org.carillon.pbx.team.AgentStateChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Agent and call-profile lamps (issues 10, 11, 12). A phone's key subscribes to the feature code it dials, so pressing
 * the key does what the lamp shows:
 * <ul>
 *   <li>{@code *45} or {@code *46} (the tenant's agent codes): the watcher's own agent state; {@code *45<ext>}: agent
 *       {@code ext}'s state (a supervisor's key);</li>
 *   <li>{@code *76<n>}: whether the watcher's profile number {@code n} is the active one.</li>
 * </ul>
 * What they show (dialog package lamp / PIDF basic, RFC 4480 activity, note):
 * <table>
 *   <caption>agent lamps</caption>
 *   <tr><td>ready</td><td>terminated (idle: takes team calls)</td><td>open, none, "Ready"</td></tr>
 *   <tr><td>in_call</td><td>confirmed</td><td>open, on-the-phone, "In call"</td></tr>
 *   <tr><td>wrap_up</td><td>confirmed</td><td>open, busy, "Wrap-up"</td></tr>
 *   <tr><td>break</td><td>confirmed</td><td>open, away, "On break" (": aux code")</td></tr>
 *   <tr><td>logged_out (or no agent)</td><td>confirmed</td><td>closed, none, "Logged out"</td></tr>
 * </table>
 * A profile lamp is confirmed (lit) and PIDF open while its profile is active, else terminated and closed. Changes
 * arrive as {@link AgentStateChanged} and {@link ProfileChanged}; nothing calls this to change state.
 *
 * <p>Threads: thread-safe, non-blocking (reads caches of the agent, profile and feature-code services).
 */
@Component
class LampService {
    private final AgentService agents;
    private final ProfileService profiles;
    private final FeatureCodeService codes;
    private final PresenceService presence;
    /** Lazily: the subscription service needs the event packages, which need this service. */
    private final ObjectProvider<SubscriptionService> subscriptions;

    LampService(AgentService agents, ProfileService profiles, FeatureCodeService codes, PresenceService presence,
                ObjectProvider<SubscriptionService> subscriptions) {
        this.agents = agents;
        this.profiles = profiles;
        this.codes = codes;
        this.presence = presence;
        this.subscriptions = subscriptions;
    }

    /** The lamp a watcher's SUBSCRIBE names by its Request-URI user part; empty when it names none. */
    Optional<Lamp> resolve(Watcher watcher, String user) {
        FeatureCodes c = codes.codes(watcher.tenantId());
        if (user.equals(c.agentLogin()) || user.equals(c.agentBreak())) {
            return Optional.of(Lamp.agent(watcher.number()));
        }
        if (user.startsWith(c.agentLogin())) {
            String agent = user.substring(c.agentLogin().length());
            // only an extension of the watcher's own tenant (SECURITY.md: multi-tenant)
            return presence.exists(watcher.tenantId(), agent) ? Optional.of(Lamp.agent(agent)) : Optional.empty();
        }
        if (user.startsWith(c.callProfile())) {
            String position = user.substring(c.callProfile().length());
            if (position.matches("[1-9][0-9]?")) {
                return Optional.of(Lamp.profile(watcher.number(), Integer.parseInt(position)));
            }
        }
        return Optional.empty();
    }

    /** What {@code lamp} shows now. */
    Lamp.Shown shown(long tenantId, Lamp lamp) {
        if (lamp.kind() == Lamp.Kind.PROFILE) {
            Optional<CallProfile> active = profiles.activeProfile(tenantId, lamp.extension());
            boolean on = active.map(p -> p.position() == lamp.position()).orElse(false);
            String note = "Profile " + lamp.position() + (on ? " is active"
                    : active.map(p -> " is not active (" + p.label() + " is)").orElse(" is not active"));
            return new Lamp.Shown(on, on, "", note);
        }
        Optional<Agent> agent = agents.find(tenantId, lamp.extension());
        AgentState state = agent.map(Agent::state).orElse(AgentState.LOGGED_OUT);
        return switch (state) {
            case READY -> new Lamp.Shown(false, true, "", state.label());
            case IN_CALL -> new Lamp.Shown(true, true, "on-the-phone", state.label());
            case WRAP_UP -> new Lamp.Shown(true, true, "busy", state.label());
            case BREAK -> new Lamp.Shown(true, true, "away", state.label()
                    + agent.map(Agent::auxCode).filter(a -> !a.isEmpty()).map(a -> ": " + a).orElse(""));
            case LOGGED_OUT -> new Lamp.Shown(true, false, "", state.label());
        };
    }

    @EventListener
    public void onAgent(AgentStateChanged change) {
        changed(change.tenantId(), Lamp.agent(change.extension()).key());
    }

    /** A profile change shows on the extension's PIDF and on every profile lamp of the extension. */
    @EventListener
    public void onProfile(ProfileChanged change) {
        SubscriptionService s = subscriptions.getIfAvailable();
        if (s != null) {
            s.changed(change.tenantId(), PresenceService.PRESENCE, change.extension());
        }
        for (int position = 1; position < 100; position++) {
            changed(change.tenantId(), Lamp.profile(change.extension(), position).key());
        }
    }

    /** Cheap when nobody watches: a map lookup per package. */
    private void changed(long tenantId, String key) {
        SubscriptionService s = subscriptions.getIfAvailable();
        if (s != null) {
            s.changed(tenantId, PresenceService.DIALOG, key);
            s.changed(tenantId, PresenceService.PRESENCE, key);
        }
    }
}
