package org.carillon.pbx.apitoken;

import org.carillon.pbx.paging.ListPage;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.apitoken.ApiTokenScope;
import org.carillon.platform.apitoken.ApiTokens;
import org.carillon.pbx.audit.AuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

/**
 * Settings ▸ API tokens: an Owner creates named bearer tokens (read-only or full) for scripts, sees each token once,
 * and revokes them. Tokens act as the Owner who made them.
 */
@Controller
@Allowed(Permission.API_TOKENS)
public class ApiTokenController {
    private final ApiTokens tokens;
    private final AccountStore accounts;
    private final AuditTrail audit;

    public ApiTokenController(ApiTokens tokens, AccountStore accounts, AuditTrail audit) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Tokens on one page of the list. */

    /** The page; the tokens are searched (name, prefix or access) and paged in SQL like every list (SPEC §5). */
    @GetMapping("/settings/api-tokens")
    public String page(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                       Authentication who, Model model) {
        long account = accountId(who);
        long total = tokens.count(account, q);
        int shown = ListPage.clamp(page, total);
        new ListPage<>(tokens.page(account, q, shown * ListPage.SIZE, ListPage.SIZE), shown, ListPage.pages(total),
                total).addTo(model, "tokens", q);
        model.addAttribute("active", "api-tokens");
        return "pbx/api-tokens";
    }

    @PostMapping("/settings/api-tokens")
    public String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String scope,
                         Authentication who, Model model, RedirectAttributes redirect, HttpServletRequest request) {
        String trimmed = name.strip();
        ApiTokenScope parsed;
        try {
            parsed = ApiTokenScope.parse(scope);
        } catch (IllegalArgumentException e) {
            model.addAttribute("scopeError", "Choose read-only or full access.");
            return again(who, model, trimmed);
        }
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            model.addAttribute("nameError", "Give the token a name of 1 to 100 characters, e.g. the script that uses it.");
            return again(who, model, trimmed);
        }
        var created = tokens.create(accountId(who), trimmed, parsed);
        audit.record(who.getName(), request.getRemoteAddr(), "api_token.create", "api_token",
                Long.toString(created.token().id()), "", Map.of(),
                Map.of("name", trimmed, "scope", parsed.code(), "token", created.secret()));
        redirect.addFlashAttribute("secret", created.secret());
        redirect.addFlashAttribute("createdName", trimmed);
        return "redirect:/settings/api-tokens";
    }

    @PostMapping("/settings/api-tokens/{id}/revoke")
    public String revoke(@PathVariable long id, Authentication who, RedirectAttributes redirect,
                         HttpServletRequest request) {
        long account = accountId(who);
        var token = tokens.list(account).stream().filter(t -> t.id() == id).findFirst();
        if (token.isEmpty() || !tokens.revoke(account, id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        audit.record(who.getName(), request.getRemoteAddr(), "api_token.revoke", "api_token", Long.toString(id), "",
                Map.of("name", token.get().name(), "scope", token.get().scope().code(), "revoked", false),
                Map.of("name", token.get().name(), "scope", token.get().scope().code(), "revoked", true));
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/settings/api-tokens";
    }

    private String again(Authentication who, Model model, String name) {
        model.addAttribute("name", name);
        return page("", 0, who, model);
    }

    private long accountId(Authentication who) {
        return accounts.findByEmail(who.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED))
                .id();
    }
}
