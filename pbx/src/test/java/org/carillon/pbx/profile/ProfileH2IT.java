package org.carillon.pbx.profile;

import org.carillon.pbx.feature.FeatureH2Context;

/** Call profiles on H2 (the shared feature context). */
class ProfileH2IT extends FeatureH2Context implements ProfileContract {
}
