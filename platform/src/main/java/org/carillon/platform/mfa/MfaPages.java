package org.carillon.platform.mfa;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Two-step sign-in pages: set-up (key for the authenticator app, first code, recovery codes shown once) and the
 * code prompt after the password. Five wrong codes in a session sign the user out; ten within 15 minutes, over any
 * number of sessions, lock the account's second step for 15 minutes ({@link MfaThrottle}).
 *
 * <p>Each app declares a {@code @Controller} subclass in its own package carrying its permission annotation (anyone
 * signed in), so its fail-closed permission check and its authorization matrix see the endpoints as the app's own.
 * {@link MfaGate} lets every subclass through.
 */
public abstract class MfaPages {
    static final int MAX_FAILURES = 5;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final String FAILURES = MfaPages.class.getName() + ".failures";
    private final MfaService mfa;
    private final MfaUsers users;

    protected MfaPages(MfaService mfa, MfaUsers users) {
        this.mfa = mfa;
        this.users = users;
    }

    private MfaUser me(HttpServletRequest request) {
        return users.current(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    @GetMapping("/mfa/setup")
    public String setup(HttpServletRequest request, Model model) {
        var enrolment = mfa.enrolment(me(request));
        if (enrolment.isEmpty()) {
            model.addAttribute("enabled", true);
        } else {
            model.addAttribute("secret", enrolment.get().secret());
            model.addAttribute("uri", enrolment.get().uri());
        }
        model.addAttribute("active", "mfa");
        return "platform/mfa/setup";
    }

    @PostMapping("/mfa/setup")
    public String confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        MfaUser me = me(request);
        var codes = mfa.confirm(me, code, request.getRemoteAddr());
        if (codes.isEmpty()) {
            model.addAttribute("codeError", "That code did not match; check the time on your phone and try the next one.");
            return setup(request, model);
        }
        MfaGate.pass(request.getSession(), me);
        model.addAttribute("recoveryCodes", codes.get());
        model.addAttribute("active", "mfa");
        return "platform/mfa/recovery";
    }

    @GetMapping("/mfa/verify")
    public String verifyForm(HttpServletRequest request) {
        return mfa.enabled(me(request).accountId()) ? "platform/mfa/verify" : "redirect:/";
    }

    @PostMapping("/mfa/verify")
    public String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        MfaUser me = me(request);
        HttpSession session = request.getSession();
        var locked = mfa.lockedUntil(me, request.getRemoteAddr());
        if (locked.isPresent()) {
            model.addAttribute("codeError", "Too many wrong codes for this account. Try again after "
                    + TIME.format(locked.get()) + ".");
            return "platform/mfa/verify";
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
        return "platform/mfa/verify";
    }
}
