package org.carillon.portal;

import org.carillon.platform.testing.RequiresPostgres;

/** {@link DashboardIT} on PostgreSQL (shares one context with the other {@link OnPostgres} classes). */
@RequiresPostgres
class DashboardPostgresIT extends DashboardIT implements OnPostgres {
}
