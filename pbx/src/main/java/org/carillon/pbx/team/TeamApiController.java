package org.carillon.pbx.team;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.schedule.ScheduleInput;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1/teams} (CONTRACTS.md): Owner and Manager create, replace and delete; Supervisors read the teams they
 * supervise.
 */
@RestController
@RequestMapping("/api/v1/teams")
@Allowed(Permission.AGENT_STATES)
public class TeamApiController {
    private final TeamService teams;
    private final TeamAccess access;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public TeamApiController(TeamService teams, TeamAccess access, TenantDirectory tenants, ActorResolver actors) {
        this.teams = teams;
        this.access = access;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** A destination as sent: {@code {"type": "voicemail", "target": "1001"}}. */
    public record DestinationBody(String type, String target) {
    }

    /** Body of POST and PUT; everything but name, strategy and members has a default. */
    public record TeamBody(String name, String number, String strategy, List<String> members,
                           List<String> supervisors, Integer ringSeconds, Integer maxWaitSeconds,
                           Integer wrapUpSeconds, Integer announceSeconds, String musicOnHold,
                           Integer serviceLevelSeconds, DestinationBody overflow, String officeHours,
                           DestinationBody outOfHours, Map<String, List<String>> hours,
                           Boolean exemptFromGlobalHolidays) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TeamView(String number, String name, Strategy strategy, List<String> members,
                           List<String> supervisors, int ringSeconds, int maxWaitSeconds, int wrapUpSeconds,
                           int announceSeconds, String musicOnHold, int serviceLevelSeconds, Destination overflow,
                           String officeHours, Destination outOfHours, Map<String, List<String>> hours,
                           boolean exemptFromGlobalHolidays) {
        static TeamView of(Team t) {
            return new TeamView(t.number(), t.name(), t.strategy(), t.members(), t.supervisors(), t.ringSeconds(),
                    t.maxWaitSeconds(), t.wrapUpSeconds(), t.announceSeconds(), t.musicOnHold(),
                    t.serviceLevelSeconds(), t.overflow().orElse(null), t.officeHours(), t.outOfHours().orElse(null),
                    ScheduleInput.wire(t.hours()), t.exemptFromGlobalHolidays());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Permission.TEAMS)
    public TeamView create(@RequestBody TeamBody body, Authentication auth, HttpServletRequest request) {
        return TeamView.of(teams.create(tenants.current().id(), input(body), actors.resolve(auth, request)));
    }

    @GetMapping
    @Allowed(Permission.AGENT_STATES)
    public List<TeamView> list(Authentication auth, HttpServletRequest request) {
        return access.visible(actors.resolve(auth, request), tenants.current().id()).stream().map(TeamView::of)
                .toList();
    }

    @GetMapping("/{number}")
    @Allowed(Permission.AGENT_STATES)
    public TeamView get(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        return TeamView.of(access.requireVisible(actors.resolve(auth, request), tenants.current().id(), number));
    }

    @PutMapping("/{number}")
    @Allowed(Permission.TEAMS)
    public TeamView replace(@PathVariable String number, @RequestBody TeamBody body, Authentication auth,
                            HttpServletRequest request) {
        return TeamView.of(teams.replace(tenants.current().id(), number, input(body), actors.resolve(auth, request)));
    }

    @DeleteMapping("/{number}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Allowed(Permission.TEAMS)
    public void delete(@PathVariable String number, Authentication auth, HttpServletRequest request) {
        teams.delete(tenants.current().id(), number, actors.resolve(auth, request));
    }

    /** Parses what Jackson leaves as text, so every bad value is a field error. */
    static TeamInput input(TeamBody b) {
        List<ApiProblem.FieldError> p = new ArrayList<>();
        Strategy strategy = null;
        if (b.strategy() == null || b.strategy().isBlank()) {
            p.add(new ApiProblem.FieldError("strategy", "Choose a ring strategy."));
        } else {
            strategy = Strategy.find(b.strategy()).orElse(null);
            if (strategy == null) {
                p.add(new ApiProblem.FieldError("strategy",
                        "One of ring_all, hunt, round_robin, longest_idle, random."));
            }
        }
        Optional<Destination> overflow = destination("overflow", b.overflow(), p);
        Optional<Destination> outOfHours = destination("outOfHours", b.outOfHours(), p);
        if (!p.isEmpty()) {
            throw new InvalidTeamException(p);
        }
        return new TeamInput(b.name(), Optional.ofNullable(b.number()), strategy,
                b.members() == null ? List.of() : b.members(), b.supervisors() == null ? List.of() : b.supervisors(),
                b.ringSeconds(), b.maxWaitSeconds(), b.wrapUpSeconds(), b.announceSeconds(), b.musicOnHold(),
                b.serviceLevelSeconds(), overflow, b.officeHours(), outOfHours, b.hours(),
                b.exemptFromGlobalHolidays());
    }

    private static Optional<Destination> destination(String field, DestinationBody body,
                                                     List<ApiProblem.FieldError> p) {
        if (body == null) {
            return Optional.empty();
        }
        Optional<Destination.Type> type = Optional.ofNullable(body.type()).flatMap(t -> {
            try {
                return Optional.of(Destination.Type.valueOf(t.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
        if (type.isEmpty()) {
            p.add(new ApiProblem.FieldError(field + ".type",
                    "One of extension, voicemail, team, prompt, hangup."));
            return Optional.empty();
        }
        return Optional.of(new Destination(type.get(), body.target() == null ? "" : body.target().trim()));
    }

    @ExceptionHandler(TeamNotFoundException.class)
    public ProblemDetail notFound(TeamNotFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidTeamException.class)
    public ProblemDetail invalid(InvalidTeamException e) {
        return ApiProblem.validation(e.errors());
    }
}
