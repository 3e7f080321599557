package org.carillon.portal.order;

import org.carillon.portal.money.Money;
import org.carillon.platform.audit.AuditLog;
import org.carillon.platform.mail.MailMessage;
import org.carillon.platform.mail.MailOutbox;
import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.access.Viewer;
import org.carillon.portal.customer.Customer;
import org.carillon.portal.customer.CustomerStore;
import org.carillon.portal.form.FieldErrors;
import org.carillon.portal.form.InvalidFormException;
import org.carillon.portal.invoice.Invoice;
import org.carillon.portal.invoice.InvoiceDraft;
import org.carillon.portal.invoice.InvoicePdf;
import org.carillon.portal.invoice.InvoiceService;
import org.carillon.portal.license.LicenseService;
import org.carillon.portal.payment.Card;
import org.carillon.portal.payment.CardCheck;
import org.carillon.portal.payment.ChargeRequest;
import org.carillon.portal.payment.ChargeResult;
import org.carillon.portal.payment.PaymentGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Pays a cart. Three steps, so that no database transaction stays open while the gateway is called:
 * <ol>
 *   <li>CART → PENDING_PAYMENT with a compare-and-set; a second Pay (double click, second tab) finds the order no
 *       longer in CART and charges nothing — it just shows the order;</li>
 *   <li>the charge, with the order as idempotency key; "try again" answers are retried a few times;</li>
 *   <li>in one transaction: PENDING_PAYMENT → PAID with the payment row, the licenses, the invoice (gap-free number),
 *       then FULFILLED; or PENDING_PAYMENT → FAILED, and the lines go back into a new cart.</li>
 * </ol>
 * A crash between steps 2 and 3 leaves the order PENDING_PAYMENT for staff to reconcile with the gateway (the
 * idempotency key makes asking again safe).
 */
@Service
public class CheckoutService {
    static final int MAX_ATTEMPTS = 3;
    private final OrderStore orders;
    private final PaymentStore payments;
    private final CustomerStore customers;
    private final LicenseService licenses;
    private final InvoiceService invoices;
    private final PaymentGateway gateway;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public CheckoutService(OrderStore orders, PaymentStore payments, CustomerStore customers, LicenseService licenses,
                           InvoiceService invoices, PaymentGateway gateway, MailOutbox outbox, AuditLog audit,
                           TransactionTemplate tx, Clock clock) {
        this.orders = orders;
        this.payments = payments;
        this.customers = customers;
        this.licenses = licenses;
        this.invoices = invoices;
        this.gateway = gateway;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean sandbox() {
        return gateway.sandbox();
    }

    /**
     * @return the order's id (the same order when it was already being paid or paid)
     * @throws InvalidFormException when billing or card details are wrong (nothing was charged)
     * @throws NotFoundException when the order is not this customer's
     */
    public long pay(Viewer me, CheckoutForm form, String source) {
        long customerId = me.customer();
        long orderId;
        try {
            orderId = Long.parseLong(form.orderId());
        } catch (NumberFormatException e) {
            throw new NotFoundException();
        }
        Order order = orders.find(customerId, orderId).orElseThrow(NotFoundException::new);
        if (order.status() != OrderStatus.CART) {
            return order.id(); // already paid or being paid: never charge twice
        }
        FieldErrors errors = new FieldErrors();
        errors.required("billingName", form.billingName(), 200, "Billing name");
        errors.required("billingAddress", form.billingAddress(), 400, "Billing address");
        if (!form.billingEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || form.billingEmail().length() > 254) {
            errors.add("billingEmail", "Enter the email address for the invoice.");
        }
        var card = CardCheck.read(form.cardHolder(), form.cardNumber(), form.cardExpiry(), form.cardCvc(),
                YearMonth.now(clock.withZone(ZoneOffset.UTC)), errors);
        if (order.lines().isEmpty()) {
            errors.add("cart", "Your cart is empty.");
        }
        if (errors.any()) {
            throw new InvalidFormException(errors);
        }
        Boolean started = tx.execute(s -> {
            orders.setBilling(customerId, orderId, form.billingName(), form.billingAddress(), form.billingEmail());
            boolean moved = orders.transition(customerId, orderId, OrderStatus.CART, OrderStatus.PENDING_PAYMENT,
                    clock.instant());
            if (moved) {
                audit.record(me.email(), "payment_started", "order", Long.toString(orderId),
                        "total " + order.totalMinor() + " " + Money.CURRENCY, source);
            }
            return moved;
        });
        if (!Boolean.TRUE.equals(started)) {
            return orderId;
        }
        ChargeResult result = charge(order, card.orElseThrow());
        tx.executeWithoutResult(s -> settle(me, orders.find(customerId, orderId).orElseThrow(), card.get(), result,
                source));
        return orderId;
    }

    private ChargeResult charge(Order order, Card card) {
        ChargeRequest request = new ChargeRequest("order-" + order.id(), order.totalMinor(), Money.CURRENCY, card,
                "Carillon licenses " + order.reference());
        ChargeResult result = gateway.charge(request);
        for (int attempt = 1; attempt < MAX_ATTEMPTS && result instanceof ChargeResult.TryAgain; attempt++) {
            result = gateway.charge(request);
        }
        return result;
    }

    private void settle(Viewer me, Order order, Card card, ChargeResult result, String source) {
        orders.lockStatus(order.customerId(), order.id());
        switch (result) {
            case ChargeResult.Approved approved -> paid(me, order, card, approved.reference(), source);
            case ChargeResult.Declined declined -> failed(me, order, card, declined.code(), declined.reason(),
                    declined.reference(), source);
            case ChargeResult.TryAgain again -> failed(me, order, card, "try_again", again.reason(), "", source);
        }
    }

    private void paid(Viewer me, Order order, Card card, String reference, String source) {
        payments.record(order.id(), gateway.name(), "approved", reference, card.brand(), card.masked(),
                order.totalMinor(), clock.instant());
        orders.transition(order.customerId(), order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID,
                clock.instant());
        audit.record(me.email(), "payment_approved", "order", Long.toString(order.id()),
                "total " + order.totalMinor() + ", " + card.brand() + " " + card.masked() + ", ref " + reference,
                source);
        for (OrderLine line : order.lines()) {
            switch (line.kind()) {
                case NEW -> licenses.issue(order.customerId(), line.editionCode(), line.extensions(), line.years(),
                        order.reference());
                case RENEWAL -> licenses.renew(order.customerId(), line.licenseId().orElseThrow(), line.years(),
                        order.reference());
                case ADD_EXTENSIONS -> licenses.addExtensions(order.customerId(), line.licenseId().orElseThrow(),
                        line.extensions(), order.reference());
                case UPGRADE -> licenses.upgrade(order.customerId(), line.licenseId().orElseThrow(),
                        line.editionCode(), order.reference());
            }
        }
        Customer customer = customers.find(order.customerId()).orElseThrow();
        long invoiceId = invoices.issue(new InvoiceDraft(order.customerId(), order.id(), customer.companyName(),
                order.billingName(), order.billingAddress(), Money.CURRENCY,
                order.lines().stream().map(l -> new InvoiceDraft.Line(l.description(), l.amounts().listMinor(),
                        l.amounts().discountMinor(), l.amounts().taxMinor(), l.amounts().totalMinor())).toList(),
                card.brand(), card.masked(), reference, clock.instant()));
        Invoice invoice = invoices.require(order.customerId(), invoiceId);
        audit.record(me.email(), "invoice_issued", "invoice", invoice.displayNumber(),
                "order " + order.id() + ", total " + invoice.totalMinor(), source);
        orders.transition(order.customerId(), order.id(), OrderStatus.PAID, OrderStatus.FULFILLED, clock.instant());
        outbox.enqueue(new MailMessage(order.billingEmail(), "Carillon invoice " + invoice.displayNumber(),
                "Thank you for your order " + order.reference() + ".\n\nInvoice " + invoice.displayNumber()
                        + " over " + Money.CURRENCY + " " + Money.format(invoice.totalMinor())
                        + " is paid; it is attached, and you find it with your licenses in the Carillon Customer"
                        + " Portal.\n",
                List.of(new MailMessage.Attachment(invoice.displayNumber() + ".pdf", "application/pdf",
                        InvoicePdf.render(invoice)))));
    }

    private void failed(Viewer me, Order order, Card card, String code, String reason, String reference,
                        String source) {
        payments.record(order.id(), gateway.name(), code, reference, card.brand(), card.masked(),
                order.totalMinor(), clock.instant());
        orders.transition(order.customerId(), order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.FAILED,
                clock.instant());
        orders.setFailureReason(order.id(), reason);
        audit.record(me.email(), "payment_failed", "order", Long.toString(order.id()),
                code + ", " + card.brand() + " " + card.masked(), source);
        long cart = orders.findCartId(order.customerId())
                .orElseGet(() -> orders.createCart(order.customerId(), me.accountId(), clock.instant()));
        for (OrderLine l : order.lines()) {
            orders.addLine(cart, l.kind(), l.editionCode(), l.extensions(), l.years(), l.licenseId(), l.description(),
                    l.amounts());
        }
    }
}
