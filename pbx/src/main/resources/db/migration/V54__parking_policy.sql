-- Per-tenant parking settings (issue 10, SPEC §2.7). No row: the environment's defaults
-- (CARILLON_PARKING_TIMEOUT_SECONDS, CARILLON_PARKING_FALLBACK). fallback_type: extension | hangup (Destination wire
-- names); fallback_target: the extension, or '' / 'busy' for hangup.
CREATE TABLE parking_policy (
    tenant_id       BIGINT      NOT NULL PRIMARY KEY REFERENCES tenant (id),
    timeout_seconds INTEGER     NOT NULL,
    fallback_type   VARCHAR(20) NOT NULL,
    fallback_target VARCHAR(64) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
