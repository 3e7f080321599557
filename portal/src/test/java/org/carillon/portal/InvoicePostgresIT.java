package org.carillon.portal;

import org.carillon.platform.testing.RequiresPostgres;

/** {@link InvoiceIT} on PostgreSQL (shares one context with the other {@link OnPostgres} classes). */
@RequiresPostgres
class InvoicePostgresIT extends InvoiceIT implements OnPostgres {
}
