package org.carillon.pbx.team;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/v1/agents} and {@code /api/v1/aux-codes}: an agent changes its own state; Owner, Manager and the
 * supervisors of its teams change anyone's. Another tenant's or an unrelated agent answers 404.
 */
@RestController
@Allowed(Permission.OWN_STATUS)
public class AgentApiController {
    private final AgentService agents;
    private final TeamService teams;
    private final TeamAccess access;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final Clock clock;

    public AgentApiController(AgentService agents, TeamService teams, TeamAccess access, TenantDirectory tenants,
                              ActorResolver actors, Clock clock) {
        this.agents = agents;
        this.teams = teams;
        this.access = access;
        this.tenants = tenants;
        this.actors = actors;
        this.clock = clock;
    }

    /** Body of the state change. */
    public record StateBody(String state, String auxCode) {
    }

    /** An agent now. */
    public record AgentView(String extension, AgentState state, String auxCode, Instant since, long secondsInState,
                            AgentState pendingState, List<String> teams) {
    }

    public record ChangeView(AgentState from, AgentState to, String auxCode, Instant at, String by) {
    }

    public record AuxCodeBody(String code, String label) {
    }

    @GetMapping("/api/v1/agents")
    @Allowed(Permission.AGENT_STATES)
    public List<AgentView> list(Authentication auth, HttpServletRequest request) {
        var actor = actors.resolve(auth, request);
        long tenant = tenants.current().id();
        return agents.list(tenant).stream().filter(a -> access.changesAgent(actor, tenant, a.extension()))
                .map(a -> view(tenant, a)).toList();
    }

    @GetMapping("/api/v1/agents/{extension}")
    public AgentView get(@PathVariable String extension, Authentication auth, HttpServletRequest request) {
        long tenant = visible(extension, auth, request);
        return view(tenant, agents.require(tenant, extension));
    }

    @GetMapping("/api/v1/agents/{extension}/history")
    public List<ChangeView> history(@PathVariable String extension, Authentication auth, HttpServletRequest request) {
        long tenant = visible(extension, auth, request);
        agents.require(tenant, extension);
        return agents.history(tenant, extension, 100).stream()
                .map(c -> new ChangeView(c.from(), c.to(), c.auxCode(), c.at(), c.by())).toList();
    }

    @PutMapping("/api/v1/agents/{extension}/state")
    public AgentView state(@PathVariable String extension, @RequestBody StateBody body, Authentication auth,
                           HttpServletRequest request) {
        var actor = actors.resolve(auth, request);
        long tenant = visible(extension, auth, request);
        AgentState target = Optional.ofNullable(body.state()).flatMap(AgentState::find)
                .filter(AgentState::requestable)
                .orElseThrow(() -> new AgentStateException("state", "One of ready, break, logged_out."));
        Agent a = agents.request(tenant, extension, target, Optional.ofNullable(body.auxCode())
                .filter(s -> !s.isBlank()), actor);
        return view(tenant, a);
    }

    @GetMapping("/api/v1/aux-codes")
    public List<AgentStore.AuxCode> auxCodes() {
        return agents.auxCodes(tenants.current().id());
    }

    @PutMapping("/api/v1/aux-codes")
    @Allowed(Permission.TEAMS)
    public List<AgentStore.AuxCode> replaceAuxCodes(@RequestBody List<AuxCodeBody> body, Authentication auth,
                                                    HttpServletRequest request) {
        long tenant = tenants.current().id();
        agents.replaceAuxCodes(tenant, body.stream().map(b -> new AgentStore.AuxCode(
                b.code() == null ? null : b.code().trim(), b.label() == null ? null : b.label().trim())).toList(),
                actors.resolve(auth, request));
        return agents.auxCodes(tenant);
    }

    private long visible(String extension, Authentication auth, HttpServletRequest request) {
        long tenant = tenants.current().id();
        if (!access.changesAgent(actors.resolve(auth, request), tenant, extension)) {
            throw new TeamNotFoundException("no agent " + extension);
        }
        return tenant;
    }

    AgentView view(long tenant, Agent a) {
        return new AgentView(a.extension(), a.state(), a.auxCode(), a.since(), a.inState(clock.instant()).toSeconds(),
                a.pending().orElse(null), teams.teamsOf(tenant, a.extension()).stream().map(Team::number).toList());
    }

    @ExceptionHandler(TeamNotFoundException.class)
    public ProblemDetail notFound(TeamNotFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AgentStateException.class)
    public ProblemDetail invalid(AgentStateException e) {
        if (e.conflict()) {
            ProblemDetail p = ApiProblem.of(HttpStatus.CONFLICT, e.getMessage());
            p.setProperty("errors", List.of(new ApiProblem.FieldError(e.field(), e.getMessage())));
            return p;
        }
        return ApiProblem.validation(List.of(new ApiProblem.FieldError(e.field(), e.getMessage())));
    }
}
