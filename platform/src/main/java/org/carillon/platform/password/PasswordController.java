package org.carillon.platform.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.security.PasswordPolicy;
import org.carillon.platform.token.AccountTokens;
import org.carillon.platform.token.TokenPurpose;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot password" → emailed link → new password, and the invitation link → first password. The forgot form
 * gives the same answer whether or not the address has an account, and is rate-limited ({@link ResetRequestLimit});
 * a used, expired or superseded link says so without telling whose it was.
 */
@Controller
public class PasswordController {
    private final AccountStore accounts;
    private final AccountTokens tokens;
    private final AccountLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ResetRequestLimit limit;

    public PasswordController(AccountStore accounts, AccountTokens tokens, AccountLinks links, PasswordPolicy policy,
                              PasswordEncoder encoder, AuditLog audit, ResetRequestLimit limit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.links = links;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.limit = limit;
    }

    @GetMapping("/password/forgot")
    public String forgotForm() {
        return "platform/password-forgot";
    }

    @PostMapping("/password/forgot")
    public String forgot(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request,
                         HttpServletResponse response) {
        if (email.isBlank() || !email.contains("@") || email.length() > 254) {
            model.addAttribute("emailError", "Enter the email address you sign in with.");
            model.addAttribute("email", email);
            return "platform/password-forgot";
        }
        var verdict = limit.request(email, request.getRemoteAddr());
        if (verdict == ResetRequestLimit.Verdict.REFUSE) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("emailError", "Too many reset requests from your network. Try again in 15 minutes.");
            model.addAttribute("email", email);
            return "platform/password-forgot";
        }
        boolean send = verdict == ResetRequestLimit.Verdict.SEND;
        accounts.findByEmail(email).filter(a -> a.enabled() && send).ifPresent(a -> {
            links.sendPasswordReset(a);
            audit.record(a.email(), "password_reset_requested", "account", Long.toString(a.id()), "",
                    request.getRemoteAddr());
        });
        model.addAttribute("sent", true);
        return "platform/password-forgot";
    }

    @GetMapping("/password/reset")
    public String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
        return form(token, TokenPurpose.PASSWORD_RESET, model);
    }

    @PostMapping("/password/reset")
    public String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                        @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request) {
        return set(token, password, confirm, TokenPurpose.PASSWORD_RESET, model, request);
    }

    @GetMapping("/welcome")
    public String welcomeForm(@RequestParam(defaultValue = "") String token, Model model) {
        return form(token, TokenPurpose.INVITATION, model);
    }

    @PostMapping("/welcome")
    public String welcome(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirm, Model model, HttpServletRequest request) {
        return set(token, password, confirm, TokenPurpose.INVITATION, model, request);
    }

    private String form(String token, TokenPurpose purpose, Model model) {
        model.addAttribute("purpose", purpose);
        model.addAttribute("token", token);
        var account = tokens.peek(token, purpose).flatMap(accounts::findById);
        if (account.isEmpty()) {
            model.addAttribute("invalid", true);
        } else {
            model.addAttribute("email", account.get().email());
        }
        return "platform/password-set";
    }

    @Transactional
    String set(String token, String password, String confirm, TokenPurpose purpose, Model model,
               HttpServletRequest request) {
        var account = tokens.peek(token, purpose).flatMap(accounts::findById);
        model.addAttribute("purpose", purpose);
        model.addAttribute("token", token);
        if (account.isEmpty()) {
            model.addAttribute("invalid", true);
            return "platform/password-set";
        }
        model.addAttribute("email", account.get().email());
        var problem = policy.check(password, account.get().email());
        if (problem.isPresent()) {
            model.addAttribute("passwordError", problem.get());
            return "platform/password-set";
        }
        if (!password.equals(confirm)) {
            model.addAttribute("confirmError", "The two passwords are not the same.");
            return "platform/password-set";
        }
        if (tokens.consume(token, purpose).isEmpty()) {
            model.addAttribute("invalid", true);
            return "platform/password-set";
        }
        accounts.changePassword(account.get().id(), encoder.encode(password));
        if (!account.get().enabled() && purpose == TokenPurpose.INVITATION) {
            accounts.setEnabled(account.get().id(), true);
        }
        if (purpose == TokenPurpose.PASSWORD_RESET) {
            links.notifyPasswordChanged(account.get());
        }
        audit.record(account.get().email(), purpose == TokenPurpose.INVITATION ? "password_set" : "password_reset",
                "account", Long.toString(account.get().id()), "", request.getRemoteAddr());
        return "redirect:/login?password";
    }
}
