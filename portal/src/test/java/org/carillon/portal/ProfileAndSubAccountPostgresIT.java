package org.carillon.portal;

import org.carillon.platform.testing.RequiresPostgres;

/** {@link ProfileAndSubAccountIT} on PostgreSQL (shares one context with the other {@link OnPostgres} classes). */
@RequiresPostgres
class ProfileAndSubAccountPostgresIT extends ProfileAndSubAccountIT implements OnPostgres {
}
