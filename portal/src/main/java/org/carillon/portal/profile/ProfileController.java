package org.carillon.portal.profile;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.account.AccountStore;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.password.AccountLinks;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.customer.Member;
import org.carillon.portal.customer.MemberStore;
import org.carillon.portal.form.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.Set;

/**
 * Profile settings: personal details are editable; company name, user ID and partner discount are shown read-only
 * and a post that carries them is refused with 400 (SECURITY.md: read-only fields rejected on the server). "Change
 * password" emails the platform's reset link after the "Yes, send link" confirmation.
 */
@Controller
@Allowed(Permission.PROFILE)
public class ProfileController {
    /** Fields of the page that are shown but must never be posted. */
    static final Set<String> READ_ONLY = Set.of("companyName", "userId", "discountPercent", "partnerDiscount",
            "role", "email", "customerId");
    private final MemberStore members;
    private final CustomerStore customers;
    private final AccountStore accounts;
    private final AccountLinks links;
    private final AuditLog audit;
    private final Clock clock;

    public ProfileController(MemberStore members, CustomerStore customers, AccountStore accounts, AccountLinks links,
                             AuditLog audit, Clock clock) {
        this.members = members;
        this.customers = customers;
        this.accounts = accounts;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/profile")
    public String show(Viewer me, Model model) {
        Member m = members.find(me.customer(), me.accountId()).orElseThrow();
        return page(me, model, new ProfileForm(m.firstName(), m.lastName(), m.phone(), m.addressLine(), m.city(),
                m.postalCode(), m.country()), new FieldErrors());
    }

    @PostMapping("/profile")
    @Transactional
    public String update(Viewer me, @ModelAttribute ProfileForm form, HttpServletRequest request, Model model,
                         RedirectAttributes redirect) {
        for (String field : READ_ONLY) {
            if (request.getParameter(field) != null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " is read-only");
            }
        }
        FieldErrors errors = new FieldErrors()
                .required("firstName", form.firstName(), 100, "First name")
                .required("lastName", form.lastName(), 100, "Last name")
                .optional("phone", form.phone(), 40, "Phone")
                .optional("addressLine", form.addressLine(), 200, "Address")
                .optional("city", form.city(), 100, "City")
                .optional("postalCode", form.postalCode(), 20, "Postal code");
        if (!form.country().matches("([A-Z]{2})?")) {
            errors.add("country", "Use a two-letter country code such as DE.");
        }
        if (errors.any()) {
            return page(me, model, form, errors);
        }
        members.updateDetails(me.customer(), me.accountId(), form.firstName(), form.lastName(), form.phone(),
                form.addressLine(), form.city(), form.postalCode(), form.country(), clock.instant());
        audit.record(me.email(), "profile_updated", "account", Long.toString(me.accountId()), "",
                request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "Your profile was updated.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/password")
    @Transactional
    public String sendPasswordLink(Viewer me, HttpServletRequest request, RedirectAttributes redirect) {
        accounts.findById(me.accountId()).ifPresent(links::sendPasswordReset);
        audit.record(me.email(), "password_reset_requested", "account", Long.toString(me.accountId()),
                "from profile", request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "We sent a password reset link to " + me.email() + ".");
        return "redirect:/profile";
    }

    private String page(Viewer me, Model model, ProfileForm form, FieldErrors errors) {
        model.addAttribute("customer", customers.find(me.customer()).orElseThrow());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("active", "profile");
        return "portal/profile/profile";
    }
}
