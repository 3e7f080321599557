package org.carillon.pbx.profile;

import org.carillon.pbx.feature.FeaturePostgresContext;

/** Call profiles on PostgreSQL (the shared feature context). */
class ProfilePostgresIT extends FeaturePostgresContext implements ProfileContract {
}
