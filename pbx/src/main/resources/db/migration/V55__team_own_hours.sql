-- Issue 11: a team's own weekly hours (office hours 'own'), stored like the schedules' hours
-- (MONDAY=08:00-20:00;TUESDAY=…), and whether the tenant's holidays pass it by.
ALTER TABLE team ADD COLUMN own_hours VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE team ADD COLUMN exempt_from_global_holidays BOOLEAN NOT NULL DEFAULT FALSE;
