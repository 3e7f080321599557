package org.carillon.portal.invoice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceRowTest {
    @Test
    void rowViewCarriesTheLinksTheTemplateBuiltPerRowBeforeIssue8() {
        var row = new InvoiceRow(42, "INV-000042", "2026-11-27", "EUR 213.13", "paid", "pay-42");
        assertThat(row.view("/portal/invoices")).containsEntry("number", "INV-000042")
                .containsEntry("issued", "2026-11-27").containsEntry("amount", "EUR 213.13")
                .containsEntry("status", "paid").containsEntry("detailsId", "pay-42")
                .containsEntry("detailsTarget", "#pay-42")
                .containsEntry("paymentUrl", "/portal/invoices/42/payment")
                .containsEntry("pdfUrl", "/portal/invoices/42/pdf");
    }
}
