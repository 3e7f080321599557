-- The dashboard's subscription figures (LicenseStore.counts) without reading each of a customer's licenses on every
-- view (issue 8: 10,000 licenses were an index-only scan of 10,000 entries, ~1.2 ms of PostgreSQL per view):
--   customer_license_count: the customer's number of licenses, whatever their status or end;
--   license_end_day:        the customer's licenses in status 'active', by the day they end.
-- Active today = the active licenses ending today or later, expiring soon = those ending within 30 days, so a view
-- reads one row plus one row per future end day (bounded by the calendar, not by the number of licenses); expired and
-- inactive = total - active. Both tables are kept by LicenseStore in the transaction of each license write (insert,
-- change of end date, change of status), which first locks the customer's customer_license_count row; the row is
-- created with the customer (CustomerStore.insert) so that lock always exists. Rows for past days are never read.
CREATE TABLE customer_license_count (
    customer_id BIGINT PRIMARY KEY REFERENCES customer (id),
    licenses    BIGINT NOT NULL
);
CREATE TABLE license_end_day (
    customer_id BIGINT  NOT NULL REFERENCES customer (id),
    ends_on     DATE    NOT NULL,
    licenses    INTEGER NOT NULL,
    PRIMARY KEY (customer_id, ends_on)
);
INSERT INTO customer_license_count (customer_id, licenses)
SELECT c.id, (SELECT COUNT(*) FROM license l WHERE l.customer_id = c.id) FROM customer c;
INSERT INTO license_end_day (customer_id, ends_on, licenses)
SELECT customer_id, ends_on, COUNT(*) FROM license WHERE status = 'active' GROUP BY customer_id, ends_on;
-- V53's index served only the old count over every license.
DROP INDEX license_customer_status_ix;
