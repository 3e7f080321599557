package org.carillon.pbx.feature;

/** Extensions API and role rules on H2. */
class ExtensionH2IT extends FeatureH2Context implements ExtensionApiContract, RolePermissionContract, AuditContract,
        OwnPagesContract, ExtensionPagesContract {
}
