package org.carillon.portal.invoice;

import org.carillon.portal.money.Money;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders an invoice as a one-page A4 PDF with OpenPDF (built-in Helvetica; no fonts to ship). */
public final class InvoicePdf {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 10, Font.NORMAL);

    private InvoicePdf() {
    }

    public static byte[] render(Invoice invoice) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        PdfWriter.getInstance(doc, out);
        doc.addTitle("Invoice " + invoice.displayNumber());
        doc.open();
        doc.add(new Paragraph("Carillon — Invoice " + invoice.displayNumber(), TITLE));
        doc.add(new Paragraph("Issued " + DATE.format(invoice.issuedAt()) + " · Status: " + invoice.status(), TEXT));
        doc.add(new Paragraph(" ", TEXT));
        doc.add(new Paragraph("Bill to", BOLD));
        doc.add(new Paragraph(invoice.companyName(), TEXT));
        doc.add(new Paragraph(invoice.billingName(), TEXT));
        doc.add(new Paragraph(invoice.billingAddress(), TEXT));
        doc.add(new Paragraph(" ", TEXT));
        PdfPTable table = new PdfPTable(new float[] {5, 1.5f, 1.5f, 1.5f, 1.5f});
        table.setWidthPercentage(100);
        for (String h : new String[] {"Description", "List", "Discount", "Tax", "Total"}) {
            table.addCell(cell(h, BOLD, h.equals("Description") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
        }
        for (InvoiceDraft.Line l : invoice.lines()) {
            table.addCell(cell(l.description(), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(Money.format(l.listMinor()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell("-" + Money.format(l.discountMinor()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell(Money.format(l.taxMinor()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell(Money.format(l.totalMinor()), TEXT, Element.ALIGN_RIGHT));
        }
        doc.add(table);
        doc.add(new Paragraph(" ", TEXT));
        doc.add(right("Subtotal " + invoice.currency() + " " + Money.format(invoice.subtotalMinor()), TEXT));
        doc.add(right("Discount " + invoice.currency() + " -" + Money.format(invoice.discountMinor()), TEXT));
        doc.add(right("Tax " + invoice.currency() + " " + Money.format(invoice.taxMinor()), TEXT));
        doc.add(right("Total " + invoice.currency() + " " + Money.format(invoice.totalMinor()), BOLD));
        doc.add(new Paragraph(" ", TEXT));
        doc.add(new Paragraph("Paid " + DATE.format(invoice.paidAt()) + " by " + invoice.paymentMethod() + " "
                + invoice.cardMasked() + ", transaction " + invoice.paymentReference(), TEXT));
        doc.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(align);
        cell.setPadding(4);
        return cell;
    }

    private static Paragraph right(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_RIGHT);
        return p;
    }
}
