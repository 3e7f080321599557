package org.carillon.pbx.feature;

/** The dashboard's figures and the per-hour call count, on PostgreSQL. */
class DashboardPostgresIT extends FeaturePostgresContext implements DashboardContract {
}
