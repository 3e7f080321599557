package org.carillon.pbx.feature;

/** The registrar over real SIP with PostgreSQL. */
class RegistrarPostgresIT extends FeaturePostgresContext implements RegistrarContract {
}
