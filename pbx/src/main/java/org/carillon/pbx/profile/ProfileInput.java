package org.carillon.pbx.profile;

import org.carillon.pbx.call.Destination;
import org.carillon.pbx.schedule.DestinationCheck;
import org.carillon.platform.web.ApiProblem;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Client forms of call profiles and their checks (one error per bad field). */
public final class ProfileInput {
    /** Where a profile rule may send a caller; {@code external} with target {@code mobile} is the user's mobile. */
    static final Set<Destination.Type> ALLOWED = Set.of(Destination.Type.VOICEMAIL, Destination.Type.EXTENSION,
            Destination.Type.TEAM, Destination.Type.EXTERNAL, Destination.Type.HANGUP);

    private ProfileInput() {
    }

    /** One caller kind's rule; absent fields take the defaults (ring 20 s, then voicemail). */
    public record RuleBody(Integer ringSeconds, Boolean ringMobile, DestinationCheck.Body onNoAnswer,
                           DestinationCheck.Body onBusy, DestinationCheck.Body onUnregistered) {
    }

    /** Body of create and replace. */
    public record ProfileBody(String name, Boolean callWaiting, RuleBody internal, RuleBody external) {
    }

    /** Body of {@code PUT /api/v1/extensions/{number}/profile}. */
    public record ActiveBody(String active) {
    }

    static CallRule rule(String field, RuleBody body, long tenantId, DestinationCheck check,
                         List<ApiProblem.FieldError> errors) {
        RuleBody b = body == null ? new RuleBody(null, null, null, null, null) : body;
        int ring = b.ringSeconds() == null ? 20 : b.ringSeconds();
        if (ring < 0 || ring > CallRule.MAX_RING_SECONDS) {
            errors.add(new ApiProblem.FieldError(field + ".ringSeconds",
                    "must be 0 (do not ring) to " + CallRule.MAX_RING_SECONDS));
            ring = 0;
        }
        return new CallRule(ring, b.ringMobile() != null && b.ringMobile(),
                destination(field + ".onNoAnswer", b.onNoAnswer(), tenantId, check, errors),
                destination(field + ".onBusy", b.onBusy(), tenantId, check, errors),
                destination(field + ".onUnregistered", b.onUnregistered(), tenantId, check, errors));
    }

    private static Destination destination(String field, DestinationCheck.Body body, long tenantId,
                                           DestinationCheck check, List<ApiProblem.FieldError> errors) {
        if (body == null) {
            return Profiles.OWN_VOICEMAIL;
        }
        if ("external".equals(body.type()) && Profiles.MOBILE.equals(body.target())) {
            return new Destination(Destination.Type.EXTERNAL, Profiles.MOBILE);
        }
        Optional<Destination> d = check.check(tenantId, field, body, ALLOWED, errors);
        return d.orElse(Profiles.OWN_VOICEMAIL);
    }

    static String name(Optional<String> raw, List<ApiProblem.FieldError> errors) {
        String name = raw.map(String::strip).orElse("");
        if (name.isEmpty()) {
            errors.add(new ApiProblem.FieldError("name", "is required"));
        } else if (name.length() > 40) {
            errors.add(new ApiProblem.FieldError("name", "must be at most 40 characters"));
        } else if (name.chars().allMatch(Character::isDigit)) {
            errors.add(new ApiProblem.FieldError("name", "must not be only digits (they select profiles by position)"));
        }
        return name;
    }
}
