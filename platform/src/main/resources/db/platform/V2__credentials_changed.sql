-- Sessions that began before the last password change (or before the account was disabled) are ended.
ALTER TABLE user_account ADD COLUMN credentials_changed_at TIMESTAMP WITH TIME ZONE;
