package org.carillon.pbx.profile;

import org.carillon.pbx.call.CallForwarding;
import org.carillon.pbx.call.CallService;
import org.carillon.pbx.call.CallSettings;
import org.carillon.pbx.call.CallState;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.ScheduleService;
import org.carillon.pbx.schedule.Verdict;
import org.carillon.platform.settings.Settings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The PBX's {@link CallForwarding}: the called extension's schedule first (closed, break or holiday send the caller
 * to the schedule's action without ringing), then its active call profile's rule for internal or external callers.
 * The {@code reason} names what decided ("holiday Christmas", "outside office hours", "profile Away"); a rule that
 * asks to ring the mobile says so ("mobile not rung: no outbound trunk") since no trunk exists yet. With call
 * waiting off, a user already in a call is treated as busy. The active profile's ring time governs (it may be longer
 * than {@code CARILLON_CALL_NO_ANSWER_SECONDS}, issue 12); the setting is the ring time only for a callee without
 * profiles.
 *
 * <p>Threads: thread-safe; runs on call executors; reads only caches once an extension's schedule and profiles
 * were loaded.
 */
@Component
public class ProfileForwarding implements CallForwarding {
    static final String NO_TRUNK = "mobile not rung: no outbound trunk";
    private final ScheduleService schedules;
    private final ProfileService profiles;
    private final ObjectProvider<CallService> calls;
    private final Duration defaultRing;

    public ProfileForwarding(ScheduleService schedules, ProfileService profiles, ObjectProvider<CallService> calls,
                             Settings settings) {
        this.schedules = schedules;
        this.profiles = profiles;
        this.calls = calls;
        this.defaultRing = CallSettings.from(settings).noAnswer();
    }

    @Override
    public Rule ruleFor(Request request) {
        Verdict verdict = schedules.verdict(request.tenantId(), request.callee(), request.at());
        if (!verdict.open()) {
            Destination action = verdict.action().orElseThrow();
            return new Rule(Duration.ZERO, action, action, action, verdict.reason());
        }
        var profile = profiles.activeProfile(request.tenantId(), request.callee());
        OwnTargets own = new OwnTargets(request);
        if (profile.isEmpty()) {
            Destination vm = own.fill(Profiles.OWN_VOICEMAIL);
            return new Rule(defaultRing, vm, vm, vm, "default");
        }
        CallProfile p = profile.get();
        CallRule rule = p.rule(request.internal());
        StringBuilder reason = new StringBuilder("profile ").append(p.label());
        if (rule.ringMobile()) {
            reason.append("; ").append(NO_TRUNK);
        }
        Destination busy = own.fill(rule.onBusy());
        if (!p.callWaiting() && inCall(request)) {
            reason.append("; call waiting off");
            return new Rule(Duration.ZERO, busy, busy, busy, reason.toString());
        }
        return new Rule(Duration.ofSeconds(rule.ringSeconds()), own.fill(rule.onNoAnswer()), busy,
                own.fill(rule.onUnregistered()), reason.toString());
    }

    /**
     * Fills the called extension into "own" targets: its voicemail, its mobile number. The mobile number is a
     * database read, so it is read once per rule at most (a rule may send all three outcomes to the mobile).
     */
    private final class OwnTargets {
        private final Request request;
        private String mobile;

        OwnTargets(Request request) {
            this.request = request;
        }

        Destination fill(Destination d) {
            if (d.type() == Destination.Type.VOICEMAIL && d.target().isEmpty()) {
                return new Destination(Destination.Type.VOICEMAIL, request.callee());
            }
            if (d.type() == Destination.Type.EXTERNAL && d.target().equals(Profiles.MOBILE)) {
                if (mobile == null) {
                    mobile = profiles.mobile(request.tenantId(), request.callee()).replaceAll("[^0-9+]", "");
                }
                return mobile.isEmpty() ? new Destination(Destination.Type.VOICEMAIL, request.callee())
                        : new Destination(Destination.Type.EXTERNAL, mobile);
            }
            return d;
        }
    }

    /** Whether the called user is already talking (as caller or answered callee) in another call. */
    private boolean inCall(Request request) {
        CallService service = calls.getIfAvailable();
        if (service == null) {
            return false;
        }
        return service.active(request.tenantId()).stream().anyMatch(c -> c.state() != CallState.ENDED
                && c.state() != CallState.ROUTING
                && (c.callee().filter(request.callee()::equals).isPresent()
                || (c.caller().equals(request.callee()) && c.answeredAt().isPresent())));
    }
}
