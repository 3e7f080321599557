package org.carillon.portal.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Two-step sign-in pages: set-up (key for the authenticator app, first code, recovery codes shown once) and the
 * code prompt after the password. Five wrong codes in a session sign the user out; ten within 15 minutes, over any
 * number of sessions, lock the account's second step for 15 minutes ({@link MfaThrottle}).
 */
@Controller
@Allowed(Permission.SIGNED_IN)
public class MfaController {
    static final int MAX_FAILURES = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String FAILURES = MfaController.class.getName() + ".failures";
    private final MfaService mfa;

    public MfaController(MfaService mfa) {
        this.mfa = mfa;
    }

    @GetMapping("/mfa/setup")
    public String setup(Viewer me, Model model) {
        var enrolment = mfa.enrolment(me);
        if (enrolment.isEmpty()) {
            model.addAttribute("enabled", true);
        } else {
            model.addAttribute("secret", enrolment.get().secret());
            model.addAttribute("uri", enrolment.get().uri());
        }
        model.addAttribute("active", "mfa");
        return "portal/mfa/setup";
    }

    @PostMapping("/mfa/setup")
    public String confirm(Viewer me, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                          Model model) {
        var codes = mfa.confirm(me, code, request.getRemoteAddr());
        if (codes.isEmpty()) {
            model.addAttribute("codeError", "That code did not match; check the time on your phone and try the next one.");
            return setup(me, model);
        }
        MfaGate.pass(request.getSession(), me);
        model.addAttribute("recoveryCodes", codes.get());
        model.addAttribute("active", "mfa");
        return "portal/mfa/recovery";
    }

    @GetMapping("/mfa/verify")
    public String verifyForm(Viewer me) {
        return mfa.enabled(me.accountId()) ? "portal/mfa/verify" : "redirect:/";
    }

    @PostMapping("/mfa/verify")
    public String verify(Viewer me, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                         Model model) {
        HttpSession session = request.getSession();
        var locked = mfa.lockedUntil(me, request.getRemoteAddr());
        if (locked.isPresent()) {
            model.addAttribute("codeError", "Too many wrong codes for this account. Try again after "
                    + TIME.format(locked.get()) + ".");
            return "portal/mfa/verify";
        }
        if (mfa.verify(me, code, request.getRemoteAddr())) {
            session.removeAttribute(FAILURES);
            MfaGate.pass(session, me);
            return "redirect:/";
        }
        int failures = session.getAttribute(FAILURES) instanceof Integer n ? n + 1 : 1;
        if (failures >= MAX_FAILURES) {
            session.invalidate();
            return "redirect:/login?error";
        }
        session.setAttribute(FAILURES, failures);
        model.addAttribute("codeError", "That code is not valid. Use a new code from your app or a recovery code.");
        return "portal/mfa/verify";
    }
}
