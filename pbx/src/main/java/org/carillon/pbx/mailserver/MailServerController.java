package org.carillon.pbx.mailserver;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.platform.mail.MailConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Settings ▸ Mail server (Owner, Manager): the SMTP server form (the password is write-only: never shown, empty keeps
 * it, a box clears it), going back to the start-up settings, the outbox's state and a test email.
 */
@Controller
@Allowed(Permission.MAIL_SERVER)
public class MailServerController {
    private final MailServerService mail;
    private final ActorResolver actors;

    MailServerController(MailServerService mail, ActorResolver actors) {
        this.mail = mail;
        this.actors = actors;
    }

    @GetMapping("/settings/mail")
    public String page(Authentication auth, Model model) {
        Optional<MailServer> saved = mail.saved();
        Map<String, String> form = new LinkedHashMap<>();
        saved.ifPresentOrElse(s -> {
            form.put("host", s.host());
            form.put("port", Integer.toString(s.port()));
            form.put("security", s.security());
            form.put("username", s.username());
            form.put("from", s.from());
        }, () -> {
            MailConfiguration.SmtpTransport start = mail.startup();
            form.put("host", start.sender().map(x -> x.getHost()).orElse(""));
            form.put("port", start.sender().map(x -> Integer.toString(x.getPort())).orElse("587"));
            form.put("security", "starttls");
            form.put("username", start.sender().map(x -> x.getUsername()).orElse(""));
            form.put("from", start.from());
        });
        return render(model, form, Map.of(), auth.getName(), Map.of());
    }

    @PostMapping("/settings/mail")
    public String save(@RequestParam Map<String, String> params, Authentication auth, HttpServletRequest request,
                       Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        var input = new MailServerInput(params.get("host"), params.get("port"), params.get("security"),
                params.get("username"), params.get("password"), params.containsKey("clearPassword"), params.get("from"));
        try {
            MailServer saved = mail.save(input, actor);
            redirect.addFlashAttribute("notice", "Mail server " + saved.host() + ":" + saved.port()
                    + " saved. The next email goes through it.");
            return "redirect:/settings/mail";
        } catch (InvalidMailServerException e) {
            Map<String, String> form = new LinkedHashMap<>(params);
            form.remove("password");
            return render(model, form, e.byField(), auth.getName(), Map.of());
        }
    }

    @PostMapping("/settings/mail/reset")
    public String reset(Authentication auth, HttpServletRequest request, RedirectAttributes redirect) {
        mail.reset(actors.resolve(auth, request));
        redirect.addFlashAttribute("notice", "The saved mail server is removed: the start-up settings apply again.");
        return "redirect:/settings/mail";
    }

    @PostMapping("/settings/mail/test")
    public String test(@RequestParam(defaultValue = "") String to, Authentication auth, HttpServletRequest request,
                       Model model, RedirectAttributes redirect) {
        try {
            mail.sendTest(to, actors.resolve(auth, request));
            redirect.addFlashAttribute("notice", "Test email to " + to.strip()
                    + " queued. It leaves with the outbox's next run, within seconds; the counts below follow it.");
            return "redirect:/settings/mail";
        } catch (InvalidMailServerException e) {
            model.addAttribute("testTo", to);
            page(auth, model);
            model.addAttribute("testErrors", e.byField());
            return "pbx/mail-server";
        }
    }

    private String render(Model model, Map<String, String> form, Map<String, String> errors, String me,
                          Map<String, String> testErrors) {
        Optional<MailServer> saved = mail.saved();
        MailConfiguration.SmtpTransport start = mail.startup();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("saved", saved.isPresent());
        model.addAttribute("passwordStored", saved.flatMap(MailServer::sealedPassword).isPresent());
        model.addAttribute("startup", start.sender().map(s -> "SMTP server " + s.getHost() + ":" + s.getPort())
                .orElse("none: mail stays in the local outbox (development mailbox)"));
        model.addAttribute("outbox", mail.outboxState());
        if (!model.containsAttribute("testTo")) {
            model.addAttribute("testTo", me);
        }
        model.addAttribute("testErrors", testErrors);
        model.addAttribute("securityModes", MailConfiguration.SECURITY_MODES);
        model.addAttribute("active", "mail");
        return "pbx/mail-server";
    }
}
