package org.carillon.pbx.voicemail;

import org.carillon.pbx.access.Allowed;
import org.carillon.pbx.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import org.carillon.pbx.extension.Actor;
import org.carillon.pbx.extension.ActorResolver;
import org.carillon.pbx.tenant.TenantDirectory;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in user's own voicemail page ({@code /voicemail}): messages (caller, time, length, new/heard) with an
 * audio player, download, mark heard and delete; the mailbox's settings and greetings. Only the user's own mailbox:
 * there is no way to name another one here (nobody, the Owner included, reads another's messages).
 */
@Controller
@Allowed(Permission.OWN_VOICEMAIL)
public class VoicemailPageController {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VoicemailService service;
    private final TenantDirectory tenants;
    private final ActorResolver actors;

    public VoicemailPageController(VoicemailService service, TenantDirectory tenants, ActorResolver actors) {
        this.service = service;
        this.tenants = tenants;
        this.actors = actors;
    }

    /** A message as the page lists it. */
    public record Row(String id, String caller, String receivedAt, String length, boolean heard) {
    }

    @GetMapping("/voicemail")
    public String page(Authentication auth, HttpServletRequest request, Model model) {
        return render(actors.resolve(auth, request), Map.of(), Map.of(), model);
    }

    private String render(Actor actor, Map<String, String> form, Map<String, String> errors, Model model) {
        model.addAttribute("active", "voicemail");
        model.addAttribute("actor", actor);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("options", EmailOption.values());
        Optional<Mailbox> box = own(actor);
        model.addAttribute("box", box.orElse(null));
        box.ifPresent(b -> {
            var zone = service.zone(b.tenantId());
            List<Row> rows = service.messages(b).stream().map(m -> new Row(m.id(), m.caller(),
                    WHEN.format(m.receivedAt().atZone(zone)), seconds(m.length().toMillis()), m.heard())).toList();
            model.addAttribute("messages", rows);
            Map<String, Boolean> greetings = new HashMap<>();
            for (Greeting g : Greeting.values()) {
                greetings.put(g.wire(), service.greeting(b, g).isPresent());
            }
            model.addAttribute("greetings", greetings);
        });
        return "pbx/voicemail";
    }

    private static String seconds(long millis) {
        long s = Math.round(millis / 1000.0);
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    private Optional<Mailbox> own(Actor actor) {
        return actor.extension().map(n -> service.ownMailbox(tenants.current(), n, actor));
    }

    private Mailbox require(Actor actor) {
        return own(actor).orElseThrow(() -> new VoicemailNotFoundException("mailbox"));
    }

    @PostMapping("/voicemail/settings")
    public String settings(@RequestParam Map<String, String> form, Authentication auth, HttpServletRequest request,
                           Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        Mailbox box = require(actor);
        Map<String, String> errors = apply(actor, box.number(), form);
        if (!errors.isEmpty()) {
            return render(actor, form, errors, model);
        }
        redirect.addFlashAttribute("notice", "Voicemail settings saved.");
        return "redirect:/voicemail";
    }

    /** An extension's voicemail settings for Owners and Managers (the extension page's "Voicemail settings" tab). */
    @GetMapping("/extensions/{number}/voicemail")
    public String adminPage(@PathVariable String number, Authentication auth, HttpServletRequest request,
                            Model model) {
        return renderAdmin(actors.resolve(auth, request), number, Map.of(), Map.of(), model);
    }

    @PostMapping("/extensions/{number}/voicemail")
    public String adminSave(@PathVariable String number, @RequestParam Map<String, String> form, Authentication auth,
                            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        Map<String, String> errors = apply(actor, number, form);
        if (!errors.isEmpty()) {
            return renderAdmin(actor, number, form, errors, model);
        }
        redirect.addFlashAttribute("notice", "Voicemail settings of " + number + " saved.");
        return "redirect:/extensions/" + number + "/voicemail";
    }

    private String renderAdmin(Actor actor, String number, Map<String, String> form, Map<String, String> errors,
                               Model model) {
        model.addAttribute("box", service.settingsFor(tenants.current(), number, actor));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("options", EmailOption.values());
        model.addAttribute("active", "extensions");
        return "pbx/voicemail-settings";
    }

    /** Applies the settings form; returns the errors by field (nothing saved when there are any). */
    private Map<String, String> apply(Actor actor, String number, Map<String, String> form) {
        Map<String, String> errors = new HashMap<>();
        Optional<Integer> seconds = number(form, "maxMessageSeconds", errors);
        Optional<Integer> count = number(form, "maxMessages", errors);
        Optional<EmailOption> email = Optional.ofNullable(form.get("emailOption")).flatMap(EmailOption::find);
        String pin = form.getOrDefault("pin", "").trim();
        var changes = new MailboxChanges(Optional.of(form.containsKey("enabled")),
                pin.isEmpty() ? Optional.empty() : Optional.of(pin), email, Optional.of(form.containsKey("instructions")),
                Optional.of(form.containsKey("skipPinOnOwnDevice")), seconds, count);
        changes.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        if (errors.isEmpty()) {
            service.update(tenants.current(), number, changes, actor);
        }
        form.remove("pin"); // never shown back
        return errors;
    }

    private static Optional<Integer> number(Map<String, String> form, String field, Map<String, String> errors) {
        String raw = form.getOrDefault(field, "").trim();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(raw));
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return Optional.empty();
        }
    }

    @PostMapping("/voicemail/greetings/{kind}")
    public String uploadGreeting(@PathVariable String kind, @RequestParam("file") MultipartFile file,
                                 Authentication auth, HttpServletRequest request, Model model,
                                 RedirectAttributes redirect) throws IOException {
        Actor actor = actors.resolve(auth, request);
        Mailbox box = require(actor);
        Greeting g = Greeting.find(kind).orElseThrow(() -> new VoicemailNotFoundException("greeting"));
        try {
            service.saveGreeting(box, g, GreetingAudio.convert(file.getBytes()), actor);
        } catch (InvalidVoicemailException e) {
            return render(actor, Map.of(), Map.of("greeting-" + g.wire(), e.errors().getFirst().message()), model);
        }
        redirect.addFlashAttribute("notice", "Greeting saved.");
        return "redirect:/voicemail";
    }

    @PostMapping("/voicemail/greetings/{kind}/delete")
    public String deleteGreeting(@PathVariable String kind, Authentication auth, HttpServletRequest request,
                                 RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        Mailbox box = require(actor);
        service.deleteGreeting(box, Greeting.find(kind).orElseThrow(() -> new VoicemailNotFoundException("greeting")),
                actor);
        redirect.addFlashAttribute("notice", "Greeting removed: callers hear the built-in one.");
        return "redirect:/voicemail";
    }

    @GetMapping("/voicemail/messages/{id}/audio")
    public ResponseEntity<Resource> audio(@PathVariable String id, @RequestParam(defaultValue = "false") boolean download,
                                          Authentication auth, HttpServletRequest request) {
        return VoicemailApiController.audioResponse(service, require(actors.resolve(auth, request)), id, download);
    }

    @PostMapping("/voicemail/messages/{id}/heard")
    public String heard(@PathVariable String id, @RequestParam(defaultValue = "true") boolean heard,
                        Authentication auth, HttpServletRequest request) {
        Actor actor = actors.resolve(auth, request);
        service.markHeard(require(actor), id, heard, actor);
        return "redirect:/voicemail";
    }

    @PostMapping("/voicemail/messages/{id}/delete")
    public String delete(@PathVariable String id, Authentication auth, HttpServletRequest request,
                         RedirectAttributes redirect) {
        Actor actor = actors.resolve(auth, request);
        service.delete(require(actor), id, actor);
        redirect.addFlashAttribute("notice", "Message deleted.");
        return "redirect:/voicemail";
    }
}
