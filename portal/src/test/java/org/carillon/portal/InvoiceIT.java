package org.carillon.portal;

import org.carillon.platform.testing.WebClient;
import org.carillon.portal.invoice.InvoiceDraft;
import org.carillon.portal.invoice.InvoiceService;
import org.carillon.portal.invoice.InvoiceStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invoice list, search, payment details, PDF; gap-free numbering under concurrent payments. */
class InvoiceIT extends PortalContext {
    @Autowired
    InvoiceStore store;
    @Autowired
    InvoiceService invoices;
    @Autowired
    TransactionTemplate tx;

    @Test
    void invoicesAreSearchableByNumberDateAmountAndStatusAndDownloadableAsPdf() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        Shop shop = new Shop(owner);
        shop.buyStandard();
        shop.addNew("enterprise", 100, 1);
        shop.pay(shop.cartId(), "4242424242424242");
        String list = owner.get("/invoices").body();
        var numbers = newest(customer.id(), 10);
        assertThat(numbers).hasSize(2);
        // Issue 8: the list carries each row's details button, not the details themselves.
        assertThat(list).contains("aria-label=\"Payment details\"").contains("aria-controls=\"pay-" + numbers.get(0).id())
                .contains("hx-get=\"/invoices/" + numbers.get(0).id() + "/payment\"").doesNotContain("Transaction")
                .contains("data-bs-target=\"#pay-" + numbers.get(0).id() + "\"")
                .contains("id=\"pay-" + numbers.get(0).id() + "\"")
                .contains("href=\"/invoices/" + numbers.get(0).id() + "/pdf\"")
                .doesNotContain("is-invalid");
        assertThat(store.count(customer.id(), org.carillon.portal.invoice.InvoiceSearch.none())).isEqualTo(2);
        var first = numbers.getLast();
        var second = numbers.getFirst();

        String byNumber = owner.get("/invoices?number=" + first.displayNumber()).body();
        assertThat(byNumber).contains(first.displayNumber()).doesNotContain(second.displayNumber());
        String byAmount = owner.get("/invoices?amount=" + org.carillon.portal.money.Money.format(second.totalMinor())
                .replace(",", "")).body();
        assertThat(byAmount).contains(second.displayNumber()).doesNotContain(first.displayNumber());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(owner.get("/invoices?from=" + today + "&to=" + today + "&status=paid").body())
                .contains(first.displayNumber()).contains(second.displayNumber());
        assertThat(owner.get("/invoices?to=2000-01-01").body()).contains("No invoices found.");
        assertThat(owner.get("/invoices?from=yesterday").body()).contains("Enter a date as YYYY-MM-DD.")
                .containsOnlyOnce("is-invalid");

        var pdf = owner.get("/invoices/" + first.id() + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains(first.displayNumber());
        assertThat(pdf.body().getBytes(StandardCharsets.ISO_8859_1)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aRowsPaymentDetailsAreLoadedOnDemandAsAFragment() {
        var customer = fixtures.customer();
        WebClient owner = signedIn(customer.ownerEmail());
        new Shop(owner).buyStandard();
        var invoice = newest(customer.id(), 1).getFirst();
        var details = owner.get("/invoices/" + invoice.id() + "/payment");
        assertThat(details.statusCode()).isEqualTo(200);
        assertThat(details.body()).contains("Transaction").contains(invoice.paymentReference())
                .contains(invoice.cardMasked()).contains("Payment details of " + invoice.displayNumber())
                .contains("<td colspan=\"5\"").doesNotContain("<tr").doesNotContain("<html");
    }

    @Test
    void anotherCustomersInvoiceIsNotFound() {
        var mine = fixtures.customer();
        var theirs = fixtures.customer();
        new Shop(signedIn(theirs.ownerEmail())).buyStandard();
        long foreign = newest(theirs.id(), 1).getFirst().id();
        WebClient me = signedIn(mine.ownerEmail());
        assertThat(me.get("/invoices/" + foreign + "/pdf").statusCode()).isEqualTo(404);
        assertThat(me.get("/invoices/" + foreign + "/payment").statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentPaymentsGetGapFreeUniqueInvoiceNumbers() throws Exception {
        int buyers = 8;
        List<Shop> shops = new ArrayList<>();
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            Shop shop = new Shop(signedIn(fixtures.customer().ownerEmail()));
            shop.addNew("standard", 10, 0);
            shops.add(shop);
            carts.add(shop.cartId());
        }
        List<Callable<Integer>> payments = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            Shop shop = shops.get(i);
            String cart = carts.get(i);
            payments.add(() -> shop.pay(cart, "4242424242424242").statusCode());
        }
        try (var pool = Executors.newFixedThreadPool(buyers)) {
            for (var f : pool.invokeAll(payments)) {
                assertThat(f.get()).isEqualTo(302);
            }
        }
        assertGapFree();
    }

    @Test
    void aRolledBackPaymentGivesItsInvoiceNumberBack() {
        var customer = fixtures.customer();
        new Shop(signedIn(customer.ownerEmail())).buyStandard();
        var existing = newest(customer.id(), 1).getFirst();
        long before = store.allNumbers().getLast();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            invoices.issue(new InvoiceDraft(customer.id(), existing.orderId(), "X", "X", "X", "EUR", List.of(),
                    "Visa", "•••• 4242", "ref", Instant.now()));
            throw new IllegalStateException("payment step failed after numbering");
        })).isInstanceOf(RuntimeException.class);
        assertThat(store.allNumbers().getLast()).isEqualTo(before);
        new Shop(signedIn(customer.ownerEmail())).buyStandard();
        assertThat(store.allNumbers().getLast()).isEqualTo(before + 1);
        assertGapFree();
        assertKeptCountIsExact(customer.id());
    }

    /** The pager's kept per-customer count (V52) matches a real count, rollbacks included. */
    private void assertKeptCountIsExact(long customerId) {
        var everything = new org.carillon.portal.invoice.InvoiceSearch(java.util.Optional.empty(),
                java.util.Optional.of(java.time.LocalDate.of(2000, 1, 1)), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(store.count(customerId, org.carillon.portal.invoice.InvoiceSearch.none()))
                .isEqualTo(store.count(customerId, everything)).isPositive();
        // The list's page reads that count in its own statement; past the last page it counts on its own.
        long real = store.count(customerId, everything);
        var first = store.page(customerId, org.carillon.portal.invoice.InvoiceSearch.none(), 1);
        assertThat(first.total()).isEqualTo(real);
        assertThat(first.items()).hasSize((int) Math.min(real, org.carillon.portal.paging.Page.SIZE));
        var pastTheEnd = store.page(customerId, org.carillon.portal.invoice.InvoiceSearch.none(), 1000);
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(real);
        assertThat(store.page(customerId, everything, 1).total()).isEqualTo(real);
    }

    private void assertGapFree() {
        List<Long> all = store.allNumbers();
        assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
    }

    /** The customer's newest invoices, whole (the list's page carries only the listed columns). */
    private List<org.carillon.portal.invoice.Invoice> newest(long customerId, int count) {
        return store.page(customerId, org.carillon.portal.invoice.InvoiceSearch.none(), 1).items().stream().limit(count)
                .map(i -> store.find(customerId, i.id()).orElseThrow()).toList();
    }
}
