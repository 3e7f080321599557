package org.carillon.portal.order;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.catalog.CatalogStore;
import org.carillon.portal.catalog.Edition;
import org.carillon.portal.catalog.Price;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.customer.PartnerTier;
import org.carillon.portal.form.FieldErrors;
import org.carillon.portal.form.InvalidFormException;
import org.carillon.portal.license.LicenseService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The Purchases page (catalog and license-type form) and the cart. */
@Controller
@Allowed(Permission.PURCHASE)
public class PurchaseController {
    private final CartService carts;
    private final CatalogStore catalog;
    private final CustomerStore customers;
    private final LicenseService licenses;

    public PurchaseController(CartService carts, CatalogStore catalog, CustomerStore customers,
                              LicenseService licenses) {
        this.carts = carts;
        this.catalog = catalog;
        this.customers = customers;
        this.licenses = licenses;
    }

    @GetMapping("/purchases")
    public String purchases(Viewer me, Model model) {
        return page(me, model, PurchaseForm.empty(), new FieldErrors());
    }

    @PostMapping("/cart/lines")
    public String add(Viewer me, @ModelAttribute PurchaseForm form, HttpServletRequest request, Model model,
                      RedirectAttributes redirect) {
        try {
            carts.add(me, form, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "Added to your cart.");
            return "redirect:/cart";
        } catch (InvalidFormException e) {
            return page(me, model, form, e.errors());
        }
    }

    @GetMapping("/cart")
    public String cart(Viewer me, Model model) {
        model.addAttribute("cart", carts.cart(me));
        model.addAttribute("active", "purchases");
        return "portal/order/cart";
    }

    @PostMapping("/cart/lines/{id}/remove")
    public String remove(Viewer me, @PathVariable long id, RedirectAttributes redirect) {
        carts.remove(me, id);
        redirect.addFlashAttribute("notice", "Removed from your cart.");
        return "redirect:/cart";
    }

    private String page(Viewer me, Model model, PurchaseForm form, FieldErrors errors) {
        var customer = customers.find(me.customer()).orElseThrow();
        boolean carrier = customer.tier() == PartnerTier.CARRIER_PARTNER;
        var editions = catalog.editions().stream().filter(Edition::active).filter(e -> carrier || !e.carrierOnly())
                .toList();
        var codes = editions.stream().map(Edition::code).collect(Collectors.toSet());
        var prices = catalog.prices().stream().filter(p -> codes.contains(p.editionCode())).toList();
        model.addAttribute("editions", editions);
        model.addAttribute("tiers", prices.stream().map(Price::extensions).distinct().sorted().toList());
        model.addAttribute("priceTable", prices.stream().collect(Collectors.groupingBy(Price::editionCode,
                Collectors.toMap(p -> p.extensions(), Price::yearlyMinor))));
        model.addAttribute("licenses", licenses.all(me.customer()));
        model.addAttribute("customer", customer);
        model.addAttribute("kinds", LineKind.values());
        model.addAttribute("years", IntStream.rangeClosed(0, CartService.MAX_EXTRA_YEARS).boxed().toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("active", "purchases");
        return "portal/order/purchases";
    }
}
