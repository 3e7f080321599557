package org.carillon.portal;

import org.carillon.platform.testing.RequiresPostgres;

/** {@link PurchaseFlowIT} on PostgreSQL (shares one context with the other {@link OnPostgres} classes). */
@RequiresPostgres
class PurchaseFlowPostgresIT extends PurchaseFlowIT implements OnPostgres {
}
