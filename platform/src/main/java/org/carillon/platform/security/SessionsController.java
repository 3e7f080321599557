package org.carillon.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every signed-in user's "Your sessions" page: where they are signed in, and ending any of those sessions. */
@Controller
public class SessionsController {
    private final SessionDirectory sessions;
    private final String shell;

    public SessionsController(SessionDirectory sessions, Environment environment) {
        this.sessions = sessions;
        this.shell = environment.getProperty("carillon.app", "pbx") + "/shell";
    }

    @GetMapping("/account/sessions")
    public String list(Authentication who, HttpServletRequest request, Model model) {
        var session = request.getSession(false);
        model.addAttribute("sessions", sessions.sessionsOf(who.getName(), session == null ? "" : session.getId()));
        model.addAttribute("shell", shell);
        model.addAttribute("active", "sessions");
        return "platform/sessions";
    }

    @PostMapping("/account/sessions/{handle}/revoke")
    public String revoke(@PathVariable String handle, Authentication who, RedirectAttributes redirect) {
        if (!sessions.revoke(who.getName(), handle)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/account/sessions";
    }
}
