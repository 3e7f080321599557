package org.carillon.portal.customer;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.PortalRole;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.form.FieldErrors;
import org.carillon.portal.form.InvalidFormException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages: the customer list, creating a customer with its owner, editing tier, discount and tax, and for the
 * customer's owners a new invitation or a reset of their two-step sign-in.
 */
@Controller
@Allowed(Permission.STAFF_CUSTOMERS)
public class CustomerController {
    private final CustomerService service;
    private final MemberStore members;
    private final MemberInvitations invitations;
    private final MemberMfaReset mfaReset;

    public CustomerController(CustomerService service, MemberStore members, MemberInvitations invitations,
                              MemberMfaReset mfaReset) {
        this.service = service;
        this.mfaReset = mfaReset;
        this.members = members;
        this.invitations = invitations;
    }

    @GetMapping("/customers")
    public String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
                       Model model) {
        model.addAttribute("page", service.page(q, page));
        model.addAttribute("q", q);
        model.addAttribute("active", "customers");
        return "portal/customer/list";
    }

    @GetMapping("/customers/new")
    public String newForm(Model model) {
        return form(model, CustomerForm.empty(), new FieldErrors(), null);
    }

    @PostMapping("/customers")
    public String create(@ModelAttribute CustomerForm form, Viewer me, HttpServletRequest request, Model model,
                         RedirectAttributes redirect) {
        try {
            long id = service.create(form, me.email(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "Customer created; the owner was emailed an invitation.");
            return "redirect:/customers/" + id;
        } catch (InvalidFormException e) {
            return form(model, form, e.errors(), null);
        }
    }

    @GetMapping("/customers/{id}")
    public String edit(@PathVariable long id, Model model) {
        Customer customer = service.require(id);
        return form(model, CustomerForm.of(customer), new FieldErrors(), customer);
    }

    @PostMapping("/customers/{id}")
    public String update(@PathVariable long id, @ModelAttribute CustomerForm form, Viewer me,
                         HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Customer customer = service.require(id);
        try {
            service.update(id, form, me.email(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "Customer saved.");
            return "redirect:/customers/" + id;
        } catch (InvalidFormException e) {
            return form(model, form, e.errors(), customer);
        }
    }

    /** Staff send an unverified owner a new invitation link. */
    @PostMapping("/customers/{id}/owners/{accountId}/invitation")
    public String resendOwnerInvitation(@PathVariable long id, @PathVariable long accountId, Viewer me,
                                        HttpServletRequest request, RedirectAttributes redirect) {
        Customer customer = service.require(id);
        Member owner = members.find(customer.id(), accountId).orElseThrow(NotFoundException::new);
        try {
            invitations.resend(owner, customer.companyName(), me.email(), request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "A new invitation was sent to " + owner.email() + ".");
        } catch (InvalidFormException e) {
            redirect.addFlashAttribute("problem", e.errors().all().values().iterator().next());
        }
        return "redirect:/customers/" + id;
    }

    /** Staff reset an owner's two-step sign-in (lost phone and recovery codes); the owner sets it up again. */
    @PostMapping("/customers/{id}/owners/{accountId}/mfa-reset")
    public String resetOwnerTwoStep(@PathVariable long id, @PathVariable long accountId, Viewer me,
                                    HttpServletRequest request, RedirectAttributes redirect) {
        Customer customer = service.require(id);
        Member owner = members.find(customer.id(), accountId).filter(m -> m.role() == PortalRole.OWNER)
                .orElseThrow(NotFoundException::new);
        if (mfaReset.reset(owner, me.email(), request.getRemoteAddr())) {
            redirect.addFlashAttribute("notice", "Two-step sign-in of " + owner.email() + " was reset and they were "
                    + "signed out and emailed; they set it up again at their next sign-in.");
        } else {
            redirect.addFlashAttribute("problem", owner.email() + " does not have two-step sign-in on.");
        }
        return "redirect:/customers/" + id;
    }

    private String form(Model model, CustomerForm form, FieldErrors errors, Customer customer) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("customer", customer);
        model.addAttribute("owners", customer == null ? java.util.List.of() : members.owners(customer.id()));
        model.addAttribute("tiers", PartnerTier.values());
        model.addAttribute("active", "customers");
        return "portal/customer/form";
    }
}
