package org.carillon.pbx.directory;

import org.carillon.pbx.paging.ListPage;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.extension.ExtensionNotFoundException;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * The team directory (every signed-in user): the page {@code /directory} with search, a team filter, favourites and
 * paging, a Call button per colleague (click-to-call through {@code POST /api/v1/calls}), its live
 * stream {@code /directory/stream} (SSE), a keep-alive the open page calls so the session lasts while it is open
 * (SECURITY.md, within the absolute limit), and the API {@code GET /api/v1/directory?q=&favourites=&team=} and
 * {@code PUT|DELETE /api/v1/directory/favourites/{number}}.
 */
@Controller
@Allowed(Permission.SIGNED_IN)
public class DirectoryController {
    private final DirectoryService directory;
    private final DirectoryStream stream;
    private final TenantDirectory tenants;
    private final AccountStore accounts;
    private final ActorResolver actors;

    public DirectoryController(DirectoryService directory, DirectoryStream stream, TenantDirectory tenants,
                               AccountStore accounts, ActorResolver actors) {
        this.directory = directory;
        this.stream = stream;
        this.tenants = tenants;
        this.accounts = accounts;
        this.actors = actors;
    }

    /**
     * The directory page, searchable and paged like every list (SPEC §5). The rows are searched, ordered (the
     * user's favourites first) and cut in SQL.
     */
    @GetMapping("/directory")
    public String page(@RequestParam(defaultValue = "") String q,
                       @RequestParam(defaultValue = "false") boolean favourites,
                       @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "0") int page,
                       Authentication auth, HttpServletRequest request, Model model) {
        DirectoryService.Page found;
        try {
            found = directory.page(tenants.current(), accountId(auth), q, favourites, team, page, ListPage.SIZE);
        } catch (UnknownTeamException e) {
            model.addAttribute("teamError", e.getMessage());
            found = new DirectoryService.Page(List.of(), 0, 0);
        }
        model.addAttribute("members", found.members());
        model.addAttribute("page", found.page());
        model.addAttribute("pages", ListPage.pages(found.total()));
        model.addAttribute("total", found.total());
        model.addAttribute("teams", directory.teams(tenants.current()));
        model.addAttribute("team", team);
        model.addAttribute("own", actors.resolve(auth, request).extension().orElse(""));
        model.addAttribute("q", q);
        model.addAttribute("favourites", favourites);
        model.addAttribute("active", "directory");
        return "pbx/directory";
    }

    @GetMapping(path = "/directory/stream", produces = "text/event-stream")
    @ResponseBody
    public SseEmitter live() {
        return stream.subscribe(tenants.current().id());
    }

    /** Called by the open page every few minutes: any authenticated request renews the session's idle timer. */
    @GetMapping("/directory/alive")
    public ResponseEntity<Void> alive() {
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/directory/favourites/{number}")
    public String toggle(@PathVariable String number, @RequestParam(defaultValue = "true") boolean on,
                         @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String team,
                         @RequestParam(defaultValue = "0") int page, Authentication auth) {
        directory.favourite(tenants.current(), accountId(auth), number, on);
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/directory");
        if (!q.isBlank()) {
            back.queryParam("q", q);
        }
        if (!team.isBlank()) {
            back.queryParam("team", team);
        }
        if (page > 0) {
            back.queryParam("page", page);
        }
        return "redirect:" + back.encode().build().toUriString();
    }

    @GetMapping("/api/v1/directory")
    @ResponseBody
    public List<Member> list(@RequestParam(defaultValue = "") String q,
                             @RequestParam(defaultValue = "false") boolean favourites,
                             @RequestParam(defaultValue = "") String team, Authentication auth) {
        return directory.members(tenants.current(), accountId(auth), q, favourites, team);
    }

    @PutMapping("/api/v1/directory/favourites/{number}")
    public ResponseEntity<Void> star(@PathVariable String number, Authentication auth) {
        directory.favourite(tenants.current(), accountId(auth), number, true);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/v1/directory/favourites/{number}")
    public ResponseEntity<Void> unstar(@PathVariable String number, Authentication auth) {
        directory.favourite(tenants.current(), accountId(auth), number, false);
        return ResponseEntity.noContent().build();
    }

    private long accountId(Authentication auth) {
        return accounts.findByEmail(auth.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED)).id();
    }

    @ExceptionHandler(UnknownTeamException.class)
    @ResponseBody
    public ProblemDetail unknownTeam(UnknownTeamException e) {
        return ApiProblem.validation(List.of(new ApiProblem.FieldError("team", e.getMessage())));
    }

    @ExceptionHandler(ExtensionNotFoundException.class)
    @ResponseBody
    public ProblemDetail notFound(ExtensionNotFoundException e) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
