-- Issue 11: where a team's callers go while the team is closed by its office hours, on a holiday or during break
-- hours. NULL type: the tenant's Non-Office-Hours (or Break-Time) Action.
ALTER TABLE team ADD COLUMN out_of_hours_type VARCHAR(16);
ALTER TABLE team ADD COLUMN out_of_hours_target VARCHAR(64) NOT NULL DEFAULT '';
