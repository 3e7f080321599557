-- Voicemail (issue 7, SPEC §2.2): one mailbox per extension (created with defaults on first use) and its messages.
-- Audio lives in files under data/pbx/voicemail/<tenant>/<extension id>/; a row is written only after its file is
-- complete and renamed into place, so a row always has its file.
CREATE TABLE voicemail_box (
    extension_id          BIGINT       PRIMARY KEY REFERENCES extension (id) ON DELETE CASCADE,
    tenant_id             BIGINT       NOT NULL REFERENCES tenant (id),
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    -- Argon2id of the PIN (4-10 digits); NULL until the user sets one
    pin_hash              VARCHAR(255),
    -- none | notify | attach
    email_option          VARCHAR(16)  NOT NULL DEFAULT 'none',
    instructions          BOOLEAN      NOT NULL DEFAULT TRUE,
    skip_pin_own_device   BOOLEAN      NOT NULL DEFAULT TRUE,
    max_message_seconds   INT          NOT NULL DEFAULT 180,
    max_messages          INT          NOT NULL DEFAULT 100,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE voicemail_message (
    id            VARCHAR(36)  PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL REFERENCES tenant (id),
    extension_id  BIGINT       NOT NULL REFERENCES extension (id) ON DELETE CASCADE,
    -- the caller's number as the call presented it
    caller        VARCHAR(64)  NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms   BIGINT       NOT NULL,
    heard         BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX voicemail_message_box_ix ON voicemail_message (extension_id, received_at);
