-- Issue 13: the audit log keeps the object's state before and after a change (JSON, secrets masked), and is
-- searched by user and by object. audit_event itself is the platform's table (append-only: the PBX only inserts).
ALTER TABLE audit_event ADD COLUMN before_state TEXT;
ALTER TABLE audit_event ADD COLUMN after_state TEXT;
CREATE INDEX audit_event_actor_ix ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_object_ix ON audit_event (object_type, object_id, occurred_at);
