package org.carillon.pbx.feature;

/** Issue 13's feature audit, live menu role and password throttling, on the shared H2 PBX. */
class AuditH2IT extends FeatureH2Context implements FeatureAuditContract, SignedInUserContract {
}
