package org.carillon.pbx.feature;

/** The dashboard's figures and the per-hour call count, on the shared H2 PBX. */
class DashboardH2IT extends FeatureH2Context implements DashboardContract {
}
