package org.carillon.pbx.schedule;

import org.carillon.media.play.Prompts;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.call.RouteRequest;
import org.carillon.pbx.call.Router;
import org.carillon.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@code {type, target}} sent by a client into a {@link Destination} a schedule action or a profile rule may
 * use, or field errors. Extension and team targets must be what the number plan routes the number to;
 * {@code voicemail} takes an extension or empty (the called extension's own box); {@code external} a phone number
 * (saved, though calls cannot leave the PBX until trunks exist); {@code prompt} a built-in prompt (played, then hang
 * up); {@code hangup} empty or {@code busy} (busy tone).
 *
 * <p>Threads: thread-safe.
 */
@Component
public class DestinationCheck {
    /** What schedule actions may be. */
    public static final Set<Destination.Type> SCHEDULE = Set.of(Destination.Type.EXTENSION, Destination.Type.VOICEMAIL,
            Destination.Type.TEAM, Destination.Type.EXTERNAL, Destination.Type.PROMPT, Destination.Type.HANGUP);

    private final Router router;
    private final Clock clock;

    public DestinationCheck(Router router, Clock clock) {
        this.router = router;
        this.clock = clock;
    }

    /** A destination as a client sends it. */
    public record Body(String type, String target) {
    }

    /**
     * @param allowed the types this use accepts
     * @param errors  where problems go, named {@code field.type} / {@code field.target}
     * @return the destination, or empty when {@code body} is invalid (errors added)
     */
    public Optional<Destination> check(long tenantId, String field, Body body, Set<Destination.Type> allowed,
                                       List<ApiProblem.FieldError> errors) {
        if (body == null || body.type() == null || body.type().isBlank()) {
            errors.add(new ApiProblem.FieldError(field + ".type", "is required"));
            return Optional.empty();
        }
        Optional<Destination.Type> type = allowed.stream()
                .filter(t -> t.wire().equals(body.type().strip().toLowerCase(Locale.ROOT))).findFirst();
        if (type.isEmpty()) {
            errors.add(new ApiProblem.FieldError(field + ".type", "must be one of " + allowed.stream()
                    .map(Destination.Type::wire).sorted().collect(Collectors.joining(", "))));
            return Optional.empty();
        }
        String target = body.target() == null ? "" : body.target().strip();
        String problem = switch (type.get()) {
            case EXTENSION -> routesTo(tenantId, target, Destination.Type.EXTENSION) ? null : "is not an extension";
            case TEAM -> routesTo(tenantId, target, Destination.Type.TEAM) ? null : "is not a team";
            case VOICEMAIL -> target.isEmpty() || routesTo(tenantId, target, Destination.Type.EXTENSION) ? null
                    : "is not an extension (leave it empty for the called extension's own voicemail)";
            case EXTERNAL -> target.matches("\\+?[0-9]{3,20}") ? null : "must be a phone number like +4930123456";
            case PROMPT -> Prompts.find(target).isPresent() ? null : "is not a built-in prompt";
            case HANGUP -> target.isEmpty() || target.equals("busy") ? null : "must be empty or busy";
            default -> null;
        };
        if (problem != null) {
            errors.add(new ApiProblem.FieldError(field + ".target", problem));
            return Optional.empty();
        }
        return Optional.of(new Destination(type.get(), target));
    }

    private boolean routesTo(long tenantId, String number, Destination.Type type) {
        return !number.isEmpty() && router.route(new RouteRequest(number, "", tenantId, clock.instant())).type() == type;
    }
}
