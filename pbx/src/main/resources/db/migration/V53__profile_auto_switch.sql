-- Automatic call-profile switching by office hours (issue 12, SPEC §2.4): a row means "on" for the extension.
-- last_phase: office | outside — the phase whose profile was last applied; NULL until the first switch. A manual
-- switch leaves it alone, so it holds until the phase changes. Deleting either profile turns the switch off.
CREATE TABLE profile_auto_switch (
    extension_id       BIGINT      NOT NULL PRIMARY KEY REFERENCES extension (id) ON DELETE CASCADE,
    tenant_id          BIGINT      NOT NULL REFERENCES tenant (id),
    office_profile_id  BIGINT      NOT NULL REFERENCES call_profile (id) ON DELETE CASCADE,
    outside_profile_id BIGINT      NOT NULL REFERENCES call_profile (id) ON DELETE CASCADE,
    last_phase         VARCHAR(8),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
