package org.carillon.pbx.feature;

/** The registrar over real SIP with the H2 database. */
class RegistrarH2IT extends FeatureH2Context implements RegistrarContract {
}
