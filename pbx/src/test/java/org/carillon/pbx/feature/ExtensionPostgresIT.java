package org.carillon.pbx.feature;

/** Extensions API and role rules on PostgreSQL. */
class ExtensionPostgresIT extends FeaturePostgresContext implements ExtensionApiContract, RolePermissionContract,
        AuditContract, OwnPagesContract, ExtensionPagesContract {
}
