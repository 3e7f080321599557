-- The invoice list's pager needs the customer's number of invoices on every page view; counting them is a scan of
-- all the customer's rows (8-18 ms at 50,000 invoices, bench/portal). Invoices are insert-only and inserted one at a
-- time under the invoice_counter row lock, so a per-customer count kept in the same transaction stays exact.
CREATE TABLE customer_invoice_count (
    customer_id BIGINT PRIMARY KEY REFERENCES customer (id),
    invoices    BIGINT NOT NULL
);
INSERT INTO customer_invoice_count (customer_id, invoices)
SELECT customer_id, COUNT(*) FROM invoice GROUP BY customer_id;
