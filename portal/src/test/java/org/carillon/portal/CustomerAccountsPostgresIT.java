package org.carillon.portal;

import org.carillon.platform.testing.RequiresPostgres;

/** {@link CustomerAccountsIT} on PostgreSQL (shares one context with the other {@link OnPostgres} classes). */
@RequiresPostgres
class CustomerAccountsPostgresIT extends CustomerAccountsIT implements OnPostgres {
}
