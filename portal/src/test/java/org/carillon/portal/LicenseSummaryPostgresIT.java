package org.carillon.portal;

import org.carillon.platform.testing.RequiresPostgres;

/** {@link LicenseSummaryIT} on PostgreSQL (shares one context with the other {@link OnPostgres} classes). */
@RequiresPostgres
class LicenseSummaryPostgresIT extends LicenseSummaryIT implements OnPostgres {
}
