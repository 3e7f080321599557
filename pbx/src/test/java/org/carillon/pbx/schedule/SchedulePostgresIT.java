package org.carillon.pbx.schedule;

import org.carillon.pbx.feature.FeaturePostgresContext;

/** Schedules and holidays on PostgreSQL (the shared feature context). */
class SchedulePostgresIT extends FeaturePostgresContext implements ScheduleApiContract {
}
