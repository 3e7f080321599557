-- The invoice list pages by number, newest first, within one customer: an index in that order answers
-- "WHERE customer_id = ? ORDER BY invoice_number DESC LIMIT 20" without sorting the customer's invoices.
CREATE INDEX invoice_customer_number_ix ON invoice (customer_id, invoice_number);
