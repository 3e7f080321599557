package org.carillon.portal.order;

import jakarta.servlet.http.HttpServletRequest;
import org.carillon.portal.access.Allowed;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.Permission;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.customer.MemberStore;
import org.carillon.portal.form.FieldErrors;
import org.carillon.portal.form.InvalidFormException;
import org.carillon.portal.invoice.InvoiceService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Checkout (billing details, card, Pay) and the order result page. */
@Controller
@Allowed(Permission.PURCHASE)
public class CheckoutController {
    private final CartService carts;
    private final CheckoutService checkout;
    private final OrderStore orders;
    private final CustomerStore customers;
    private final MemberStore members;
    private final InvoiceService invoices;

    public CheckoutController(CartService carts, CheckoutService checkout, OrderStore orders, CustomerStore customers,
                              MemberStore members, InvoiceService invoices) {
        this.carts = carts;
        this.checkout = checkout;
        this.orders = orders;
        this.customers = customers;
        this.members = members;
        this.invoices = invoices;
    }

    @GetMapping("/checkout")
    public String form(Viewer me, Model model) {
        Order cart = carts.cart(me);
        if (cart.lines().isEmpty()) {
            return "redirect:/cart";
        }
        var customer = customers.find(me.customer()).orElseThrow();
        var member = members.find(me.customer(), me.accountId()).orElseThrow();
        String address = String.join(", ", java.util.stream.Stream.of(member.addressLine(),
                (member.postalCode() + " " + member.city()).trim(), member.country())
                .filter(s -> !s.isBlank()).toList());
        CheckoutForm form = new CheckoutForm(Long.toString(cart.id()), customer.companyName(), address, me.email(),
                member.displayName(), "", "", "");
        return page(model, cart, form, new FieldErrors());
    }

    @PostMapping("/checkout")
    public String pay(Viewer me, @ModelAttribute CheckoutForm form, HttpServletRequest request, Model model) {
        try {
            long orderId = checkout.pay(me, form, request.getRemoteAddr());
            return "redirect:/orders/" + orderId;
        } catch (InvalidFormException e) {
            return page(model, carts.cart(me), form.withoutCard(), e.errors());
        }
    }

    @GetMapping("/orders/{id}")
    public String order(Viewer me, @PathVariable long id, Model model) {
        Order order = orders.find(me.customer(), id).filter(o -> o.status() != OrderStatus.CART)
                .orElseThrow(NotFoundException::new);
        model.addAttribute("order", order);
        model.addAttribute("invoice", invoices.forOrder(me.customer(), id).orElse(null));
        model.addAttribute("active", "purchases");
        return "portal/order/result";
    }

    private String page(Model model, Order cart, CheckoutForm form, FieldErrors errors) {
        model.addAttribute("cart", cart);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sandbox", checkout.sandbox());
        model.addAttribute("active", "purchases");
        return "portal/order/checkout";
    }
}
