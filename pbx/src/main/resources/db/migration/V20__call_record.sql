-- Call history (issue 6): one row per call, written when the call ends.
CREATE TABLE call_record (
    id               VARCHAR(36)   PRIMARY KEY,
    tenant_id        BIGINT        NOT NULL REFERENCES tenant (id),
    caller           VARCHAR(64)   NOT NULL,
    dialled          VARCHAR(128)  NOT NULL,
    -- the extension that answered; '' when nobody did
    callee           VARCHAR(64)   NOT NULL DEFAULT '',
    started_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at      TIMESTAMP WITH TIME ZONE,
    ended_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_seconds BIGINT        NOT NULL,
    -- answered | no_answer | busy | cancelled | failed
    result           VARCHAR(16)   NOT NULL,
    sip_status       INT           NOT NULL,
    ended_by         VARCHAR(16)   NOT NULL,
    -- transfers in order, comma-separated ("blind:1002,attended:1003")
    transfers        VARCHAR(1024) NOT NULL DEFAULT ''
);
CREATE INDEX call_record_started_ix ON call_record (tenant_id, started_at);
CREATE INDEX call_record_caller_ix ON call_record (tenant_id, caller);
CREATE INDEX call_record_callee_ix ON call_record (tenant_id, callee);
