-- What the customer told us when setting a license up (SPEC §3 "License setup"): for prompts and provisioning.
CREATE TABLE license_setup (
    license_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES license (id),
    extensions   INTEGER      NOT NULL,
    country      VARCHAR(2)   NOT NULL,
    language     VARCHAR(8)   NOT NULL,
    prompt_set   VARCHAR(16)  NOT NULL,
    set_up_by    VARCHAR(254) NOT NULL,
    set_up_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
