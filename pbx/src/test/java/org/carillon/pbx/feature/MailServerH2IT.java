package org.carillon.pbx.feature;

/** Settings ▸ Mail server on the shared H2 PBX. */
class MailServerH2IT extends FeatureH2Context implements MailServerContract {
}
