-- Renewal reminders already sent: one row per license and reminder day, so each reminder goes out once even when
-- two portal nodes run the daily job at the same moment (the primary key refuses the second).
CREATE TABLE license_reminder (
    license_id   BIGINT  NOT NULL REFERENCES license (id),
    days_before  INTEGER NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (license_id, days_before)
);
