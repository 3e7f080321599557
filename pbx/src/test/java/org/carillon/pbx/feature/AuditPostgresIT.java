package org.carillon.pbx.feature;

/** Issue 13's feature audit, live menu role and password throttling, on PostgreSQL. */
class AuditPostgresIT extends FeaturePostgresContext implements FeatureAuditContract, SignedInUserContract {
}
