package org.carillon.pbx.team;

import org.carillon.pbx.paging.ListPage;
import org.carillon.platform.web.ApiProblem;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.schedule.ScheduleForms;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages Teams ▸ Teams (list, add, edit, delete: Owner and Manager) and Teams ▸ Wall (live, for supervisors of a
 * team and admins; agents' states can be changed there). A team a supervisor does not supervise answers 404.
 */
@Controller
@RequestMapping("/teams")
@Allowed(Permission.AGENT_STATES)
public class TeamPageController {
    private static final List<String> FIELDS = List.of("name", "number", "strategy", "members", "supervisors",
            "ringSeconds", "maxWaitSeconds", "wrapUpSeconds", "announceSeconds", "serviceLevelSeconds",
            "overflowType", "overflowTarget", "officeHours", "outOfHoursType", "outOfHoursTarget",
            "exemptFromGlobalHolidays", "hours.monday", "hours.tuesday", "hours.wednesday", "hours.thursday",
            "hours.friday", "hours.saturday", "hours.sunday");
    private final TeamService teams;
    private final AgentService agents;
    private final TeamAccess access;
    private final TeamStats stats;
    private final WallStream wall;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final Clock clock;

    public TeamPageController(TeamService teams, AgentService agents, TeamAccess access, TeamStats stats,
                              WallStream wall, TenantDirectory tenants, ActorResolver actors, Clock clock) {
        this.clock = clock;
        this.teams = teams;
        this.agents = agents;
        this.access = access;
        this.stats = stats;
        this.wall = wall;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** Teams on one page of the list. */

    /**
     * The team list, searchable (name, number or a member's extension, ignoring case) and paged like every list
     * (SPEC §5).
     */
    @GetMapping
    public String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                       Authentication auth, HttpServletRequest request, Model model) {
        Actor actor = actors.resolve(auth, request);
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        List<Team> found = access.visible(actor, tenant()).stream()
                .filter(t -> needle.isEmpty() || t.name().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || t.number().contains(needle) || t.members().contains(needle))
                .toList();
        ListPage.of(found, page).addTo(model, "teams", q);
        model.addAttribute("admin", actor.admin());
        if (!model.containsAttribute("auxText")) {
            model.addAttribute("auxText", agents.auxCodes(tenant()).stream().map(c -> c.code() + " = " + c.label())
                    .collect(java.util.stream.Collectors.joining("\n")));
        }
        model.addAttribute("active", "teams");
        return "pbx/teams/list";
    }

    /** Break reasons, one {@code code = Label} per line. */
    @PostMapping("/aux-codes")
    @Allowed(Permission.TEAMS)
    public String auxCodes(@RequestParam(defaultValue = "") String codes, Authentication auth,
                           HttpServletRequest request, RedirectAttributes redirect) {
        List<AgentStore.AuxCode> parsed = new java.util.ArrayList<>();
        try {
            for (String line : codes.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("=", 2);
                if (parts.length < 2) {
                    throw new AgentStateException("codes", "Write each reason as code = Label.");
                }
                parsed.add(new AgentStore.AuxCode(parts[0].trim(), parts[1].trim()));
            }
            agents.replaceAuxCodes(tenant(), parsed, actors.resolve(auth, request));
            redirect.addFlashAttribute("notice", "Break reasons saved.");
        } catch (AgentStateException e) {
            redirect.addFlashAttribute("auxError", e.getMessage());
            redirect.addFlashAttribute("auxText", codes);
        }
        return "redirect:/teams";
    }

    @GetMapping("/new")
    @Allowed(Permission.TEAMS)
    public String newForm(Model model) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("strategy", "ring_all");
        return form(model, form, Map.of(), Optional.empty());
    }

    @PostMapping
    @Allowed(Permission.TEAMS)
    public String create(@RequestParam Map<String, String> params, Authentication auth, HttpServletRequest request,
                         Model model, RedirectAttributes redirect) {
        try {
            Team t = teams.create(tenant(), input(params), actors.resolve(auth, request));
            redirect.addFlashAttribute("notice", "Team " + t.name() + " created with number " + t.number() + ".");
            return "redirect:/teams";
        } catch (InvalidTeamException e) {
            return form(model, params, e.byField(), Optional.empty());
        }
    }

    @GetMapping("/{number:\\d+}")
    @Allowed(Permission.TEAMS)
    public String edit(@PathVariable String number, Model model) {
        Team t = teams.require(tenant(), number);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", t.name());
        form.put("number", t.number());
        form.put("strategy", t.strategy().wire());
        form.put("members", String.join(", ", t.members()));
        form.put("supervisors", String.join(", ", t.supervisors()));
        form.put("ringSeconds", Integer.toString(t.ringSeconds()));
        form.put("maxWaitSeconds", Integer.toString(t.maxWaitSeconds()));
        form.put("wrapUpSeconds", Integer.toString(t.wrapUpSeconds()));
        form.put("announceSeconds", Integer.toString(t.announceSeconds()));
        form.put("serviceLevelSeconds", Integer.toString(t.serviceLevelSeconds()));
        form.put("overflowType", t.overflow().map(d -> d.type().wire()).orElse(""));
        form.put("overflowTarget", t.overflow().map(d -> d.target()).orElse(""));
        form.put("officeHours", t.officeHours());
        form.put("outOfHoursType", t.outOfHours().map(d -> d.type().wire()).orElse(""));
        form.put("outOfHoursTarget", t.outOfHours().map(d -> d.target()).orElse(""));
        form.put("exemptFromGlobalHolidays", t.exemptFromGlobalHolidays() ? "true" : "");
        form.putAll(ScheduleForms.values("hours", t.hours()));
        return form(model, form, Map.of(), Optional.of(t));
    }

    @PostMapping("/{number:\\d+}")
    @Allowed(Permission.TEAMS)
    public String update(@PathVariable String number, @RequestParam Map<String, String> params, Authentication auth,
                         HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Team old = teams.require(tenant(), number);
        try {
            Team t = teams.replace(tenant(), number, input(params), actors.resolve(auth, request));
            redirect.addFlashAttribute("notice", "Team " + t.name() + " saved.");
            return "redirect:/teams";
        } catch (InvalidTeamException e) {
            return form(model, params, e.byField(), Optional.of(old));
        }
    }

    @PostMapping("/{number:\\d+}/delete")
    @Allowed(Permission.TEAMS)
    public String delete(@PathVariable String number, Authentication auth, HttpServletRequest request,
                         RedirectAttributes redirect) {
        teams.delete(tenant(), number, actors.resolve(auth, request));
        redirect.addFlashAttribute("notice", "Team " + number + " deleted.");
        return "redirect:/teams";
    }

    @GetMapping("/wall")
    public String wallPage(Authentication auth, HttpServletRequest request, Model model) {
        Actor actor = actors.resolve(auth, request);
        model.addAttribute("walls", access.visible(actor, tenant()).stream().map(stats::wall).toList());
        model.addAttribute("auxCodes", agents.auxCodes(tenant()));
        model.addAttribute("active", "wall");
        return "pbx/teams/wall";
    }

    /** One stream for the whole wall: every team the user sees on it. */
    @GetMapping(path = "/wall/stream", produces = "text/event-stream")
    @ResponseBody
    public SseEmitter wallStream(Authentication auth, HttpServletRequest request) {
        return wall.subscribe(access.visible(actors.resolve(auth, request), tenant()));
    }

    /**
     * Called by the open wall every few minutes (SECURITY.md: long-open pages keep their session alive while open):
     * any authenticated request renews the session's 15-minute idle timer; the 8-hour absolute limit still ends it.
     */
    @GetMapping("/wall/alive")
    public ResponseEntity<Void> wallAlive() {
        return ResponseEntity.noContent().build();
    }

    /** The wall's state change (form post, so it works without script too). */
    @PostMapping("/agents/{extension}/state")
    public String changeAgent(@PathVariable String extension, @RequestParam String state,
                              @RequestParam(defaultValue = "") String auxCode, Authentication auth,
                              HttpServletRequest request, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        if (!access.changesAgent(actor, tenant(), extension)) {
            throw new TeamNotFoundException("no agent " + extension);
        }
        try {
            AgentState target = AgentState.find(state).filter(AgentState::requestable)
                    .orElseThrow(() -> new AgentStateException("state", "One of ready, break, logged_out."));
            agents.request(tenant(), extension, target, Optional.of(auxCode).filter(s -> !s.isBlank()), actor);
            redirect.addFlashAttribute("notice", "Agent " + extension + ": " + target.label() + ".");
        } catch (AgentStateException e) {
            redirect.addFlashAttribute("problem", "Agent " + extension + ": " + e.getMessage());
        }
        return "redirect:/teams/wall";
    }

    @Allowed(Permission.REPORTS)
    @GetMapping("/{number:\\d+}/report")
    public String report(@PathVariable String number, @RequestParam(defaultValue = "") String from,
                         @RequestParam(defaultValue = "") String to, Authentication auth, HttpServletRequest request,
                         Model model) {
        Team t = visible(number, auth, request);
        var range = TeamReport.range(today(), from, to);
        var days = stats.days(t, range.first(), range.last());
        model.addAttribute("team", t);
        model.addAttribute("days", days);
        model.addAttribute("from", range.first());
        model.addAttribute("to", range.last());
        model.addAttribute("chart", TeamReport.chart(days));
        model.addAttribute("rangeError", range.error());
        model.addAttribute("active", "teams");
        return "pbx/teams/report";
    }

    @Allowed(Permission.REPORTS)
    @GetMapping("/{number:\\d+}/report.csv")
    @ResponseBody
    public org.springframework.http.ResponseEntity<String> reportCsv(@PathVariable String number,
                                                                     @RequestParam(defaultValue = "") String from,
                                                                     @RequestParam(defaultValue = "") String to,
                                                                     Authentication auth, HttpServletRequest request) {
        Team t = visible(number, auth, request);
        var range = TeamReport.range(today(), from, to);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"team-" + t.number() + "-report.csv\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(TeamReport.csv(stats.days(t, range.first(), range.last())));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), tenants.current().timeZone());
    }

    private Team visible(String number, Authentication auth, HttpServletRequest request) {
        return access.requireVisible(actors.resolve(auth, request), tenant(), number);
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(TeamNotFoundException.class)
    public org.springframework.web.servlet.ModelAndView notFound() {
        return new org.springframework.web.servlet.ModelAndView("error", Map.of("status", 404),
                org.springframework.http.HttpStatus.NOT_FOUND);
    }

    private String form(Model model, Map<String, String> form, Map<String, String> errors, Optional<Team> team) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, form.getOrDefault(f, "")));
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach((k, v) -> byField.putIfAbsent(k.replace("overflow.type", "overflowType")
                .replace("overflow.target", "overflowTarget").replace("outOfHours.type", "outOfHoursType")
                .replace("outOfHours.target", "outOfHoursTarget").replaceAll("\\[\\d+]", ""), v));
        model.addAttribute("form", values);
        model.addAttribute("errors", byField);
        model.addAttribute("team", team.orElse(null));
        model.addAttribute("strategies", Strategy.values());
        model.addAttribute("active", "teams");
        return "pbx/teams/form";
    }

    private static TeamInput input(Map<String, String> p) {
        String overflowType = p.getOrDefault("overflowType", "").trim();
        String closedType = p.getOrDefault("outOfHoursType", "").trim();
        var body = new TeamApiController.TeamBody(p.get("name"), p.getOrDefault("number", ""), p.get("strategy"),
                split(p.get("members")), split(p.get("supervisors")), number(p, "ringSeconds"),
                number(p, "maxWaitSeconds"), number(p, "wrapUpSeconds"), number(p, "announceSeconds"), null,
                number(p, "serviceLevelSeconds"), overflowType.isEmpty() ? null
                : new TeamApiController.DestinationBody(overflowType, p.getOrDefault("overflowTarget", "")),
                p.get("officeHours"), closedType.isEmpty() ? null
                : new TeamApiController.DestinationBody(closedType, p.getOrDefault("outOfHoursTarget", "")),
                ScheduleForms.hours(p, "hours"), p.containsKey("exemptFromGlobalHolidays"));
        List<ApiProblem.FieldError> bad = FIELDS.stream().filter(f -> f.endsWith("Seconds"))
                .filter(f -> !p.getOrDefault(f, "").isBlank() && number(p, f) == null)
                .map(f -> new ApiProblem.FieldError(f, "Enter a whole number of seconds.")).toList();
        if (!bad.isEmpty()) {
            throw new InvalidTeamException(bad);
        }
        return TeamApiController.input(body);
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank())
                .toList();
    }

    private static Integer number(Map<String, String> p, String field) {
        try {
            String v = p.getOrDefault(field, "").trim();
            return v.isEmpty() ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private long tenant() {
        return tenants.current().id();
    }
}
