package org.carillon.pbx.schedule;

import org.carillon.pbx.feature.FeatureH2Context;

/** Schedules and holidays on H2 (the shared feature context). */
class ScheduleH2IT extends FeatureH2Context implements ScheduleApiContract {
}
