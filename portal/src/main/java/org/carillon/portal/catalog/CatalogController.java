package org.carillon.portal.catalog;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.platform.audit.AuditLog;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.money.Money;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff: editions and their yearly prices per extension tier. Price changes affect new cart lines only. */
@Controller
@Allowed(Permission.STAFF_CATALOG)
public class CatalogController {
    private final CatalogStore catalog;
    private final AuditLog audit;

    public CatalogController(CatalogStore catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    @GetMapping("/catalog")
    public String show(Model model) {
        model.addAttribute("editions", catalog.editions());
        model.addAttribute("prices", catalog.prices());
        model.addAttribute("active", "catalog");
        return "portal/catalog/catalog";
    }

    @PostMapping("/catalog/{code}/prices/{extensions}")
    @Transactional
    public String price(Viewer me, @PathVariable String code, @PathVariable int extensions,
                       @RequestParam(defaultValue = "") String yearly, HttpServletRequest request,
                       RedirectAttributes redirect) {
        long minor;
        try {
            minor = Money.parse(yearly);
            if (minor <= 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            redirect.addFlashAttribute("problem", "Enter a positive price such as 199.00.");
            return "redirect:/catalog";
        }
        if (!catalog.updatePrice(code, extensions, minor)) {
            throw new NotFoundException();
        }
        audit.record(me.email(), "price_changed", "edition", code, extensions + " extensions: " + minor,
                request.getRemoteAddr());
        redirect.addFlashAttribute("notice", "Price saved.");
        return "redirect:/catalog";
    }

    @PostMapping("/catalog/{code}/active")
    @Transactional
    public String active(Viewer me, @PathVariable String code, @RequestParam(defaultValue = "false") boolean active,
                         HttpServletRequest request, RedirectAttributes redirect) {
        if (!catalog.setActive(code, active)) {
            throw new NotFoundException();
        }
        audit.record(me.email(), active ? "edition_activated" : "edition_withdrawn", "edition", code, "",
                request.getRemoteAddr());
        redirect.addFlashAttribute("notice", active ? "Edition is on sale." : "Edition withdrawn from sale.");
        return "redirect:/catalog";
    }
}
