-- The day the Owners were last told that the license is in its grace period (one email a day, across restarts).
CREATE TABLE license_notice (
    id             INTEGER PRIMARY KEY,
    last_grace_day DATE NOT NULL
);
