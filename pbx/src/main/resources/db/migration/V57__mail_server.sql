-- Settings ▸ Mail server: the SMTP server saved from the web (one row; absent = the start-up settings
-- CARILLON_SMTP_*). The password is AES-256-GCM ciphertext under <data>/pbx/keys/mail.key (MailPasswordVault),
-- never the password itself; NULL when none is stored.
CREATE TABLE mail_server (
    id              INT          NOT NULL PRIMARY KEY CHECK (id = 1),
    host            VARCHAR(255) NOT NULL,
    port            INT          NOT NULL,
    security        VARCHAR(10)  NOT NULL,
    username        VARCHAR(255) NOT NULL,
    password_sealed VARCHAR(1024),
    from_address    VARCHAR(320) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(320) NOT NULL
);
