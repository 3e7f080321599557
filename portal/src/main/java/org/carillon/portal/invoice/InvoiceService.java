package org.carillon.portal.invoice;

import org.carillon.portal.access.NotFoundException;
import org.carillon.portal.paging.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/** Issues invoices for paid orders and finds them for their customer. */
@Service
public class InvoiceService {
    private final InvoiceStore store;
    private final Clock clock;

    public InvoiceService(InvoiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Issues the invoice of a paid order with the next gap-free number. Must run inside the paying transaction: the
     * counter row stays locked until it commits, and a rollback returns the number.
     *
     * @return the new invoice's id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long issue(InvoiceDraft draft) {
        long number = store.nextNumber();
        long subtotal = draft.lines().stream().mapToLong(InvoiceDraft.Line::listMinor).sum();
        long discount = draft.lines().stream().mapToLong(InvoiceDraft.Line::discountMinor).sum();
        long tax = draft.lines().stream().mapToLong(InvoiceDraft.Line::taxMinor).sum();
        long total = draft.lines().stream().mapToLong(InvoiceDraft.Line::totalMinor).sum();
        return store.insert(number, draft, subtotal, discount, tax, total, clock.instant());
    }

    public Invoice require(long customerId, long id) {
        return store.find(customerId, id).orElseThrow(NotFoundException::new);
    }

    public java.util.Optional<Invoice> forOrder(long customerId, long orderId) {
        return store.findByOrder(customerId, orderId);
    }

    public Page<InvoiceListed> page(long customerId, InvoiceSearch search, int page) {
        return store.page(customerId, search, page);
    }
}
