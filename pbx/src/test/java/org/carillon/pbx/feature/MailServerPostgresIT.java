package org.carillon.pbx.feature;

/** Settings ▸ Mail server on PostgreSQL. */
class MailServerPostgresIT extends FeaturePostgresContext implements MailServerContract {
}
