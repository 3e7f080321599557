-- The license list and history pages with nothing searched (LicenseStore.page): the customer's licenses in the
-- pages' order, read a page at a time instead of sorting all of them on every view (bench/portal: 10,000 licenses
-- cost ~15 ms of PostgreSQL per view).
CREATE INDEX license_customer_end_ix ON license (customer_id, ends_on DESC, id DESC);
