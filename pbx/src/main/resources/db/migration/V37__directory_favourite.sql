-- Team directory favourites (issue 10): each web user's starred colleagues.
CREATE TABLE directory_favourite (
    tenant_id  BIGINT      NOT NULL REFERENCES tenant (id),
    account_id BIGINT      NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    number     VARCHAR(16) NOT NULL,
    PRIMARY KEY (account_id, number)
);
