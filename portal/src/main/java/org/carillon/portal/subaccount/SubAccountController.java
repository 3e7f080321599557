package org.carillon.portal.subaccount;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.portal.access.Allowed;
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

/** Sub account settings: the Accounts table, "+ Create account", role changes, disable/enable. */
@Controller
@Allowed(Permission.SUBACCOUNT)
public class SubAccountController {
    private final SubAccountService service;

    public SubAccountController(SubAccountService service) {
        this.service = service;
    }

    @GetMapping("/subaccounts")
    public String list(Viewer me, @RequestParam(defaultValue = "") String q,
                       @RequestParam(defaultValue = "1") int page, Model model) {
        return page(me, model, q, page, SubAccountForm.empty(), new FieldErrors(), false);
    }

    @PostMapping("/subaccounts")
    public String create(Viewer me, @ModelAttribute SubAccountForm form, HttpServletRequest request, Model model,
                         RedirectAttributes redirect) {
        try {
            service.invite(me, form, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", form.email() + " was invited and must verify their email.");
            return "redirect:/subaccounts";
        } catch (InvalidFormException e) {
            return page(me, model, "", 1, form, e.errors(), true);
        }
    }

    @PostMapping("/subaccounts/{id}/role")
    public String role(Viewer me, @PathVariable long id, @RequestParam(defaultValue = "") String role,
                       HttpServletRequest request, RedirectAttributes redirect) {
        try {
            service.changeRole(me, id, role, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "Role changed.");
        } catch (InvalidFormException e) {
            redirect.addFlashAttribute("problem", e.errors().all().values().iterator().next());
        }
        return "redirect:/subaccounts";
    }

    @PostMapping("/subaccounts/{id}/invitation")
    public String resend(Viewer me, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            service.resendInvitation(me, id, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "A new invitation was sent; the earlier link no longer works.");
        } catch (InvalidFormException e) {
            redirect.addFlashAttribute("problem", e.errors().all().values().iterator().next());
        }
        return "redirect:/subaccounts";
    }

    @PostMapping("/subaccounts/{id}/mfa-reset")
    public String resetTwoStep(Viewer me, @PathVariable long id, HttpServletRequest request,
                               RedirectAttributes redirect) {
        try {
            service.resetTwoStep(me, id, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "Two-step sign-in was reset and the user signed out; they were "
                    + "emailed and sign in with their password alone until they set it up again.");
        } catch (InvalidFormException e) {
            redirect.addFlashAttribute("problem", e.errors().all().values().iterator().next());
        }
        return "redirect:/subaccounts";
    }

    @PostMapping("/subaccounts/{id}/disable")
    public String disable(Viewer me, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        return enabled(me, id, false, request, redirect);
    }

    @PostMapping("/subaccounts/{id}/enable")
    public String enable(Viewer me, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        return enabled(me, id, true, request, redirect);
    }

    private String enabled(Viewer me, long id, boolean on, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            service.setEnabled(me, id, on, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", on ? "Account enabled." : "Account disabled; its sessions ended.");
        } catch (InvalidFormException e) {
            redirect.addFlashAttribute("problem", e.errors().all().values().iterator().next());
        }
        return "redirect:/subaccounts";
    }

    private String page(Viewer me, Model model, String q, int page, SubAccountForm form, FieldErrors errors,
                        boolean showForm) {
        model.addAttribute("page", service.page(me, q, page));
        model.addAttribute("q", q);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("showForm", showForm);
        model.addAttribute("roles", PortalRole.subAccountRoles());
        model.addAttribute("active", "subaccounts");
        return "portal/subaccount/list";
    }
}
