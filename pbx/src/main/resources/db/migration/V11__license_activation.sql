-- The activation key the Owner entered, kept so the PBX can refresh its license file daily from the portal.
CREATE TABLE license_activation_key (
    id              INTEGER PRIMARY KEY,
    activation_key  VARCHAR(40) NOT NULL,
    activated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_refresh_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500)
);
