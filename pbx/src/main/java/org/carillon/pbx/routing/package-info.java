/**
 * Routing: where a call goes, as a pure function of dialled number, caller, tenant and time
 * ({@link org.carillon.pbx.routing.NumberPlan}, the number plan of CONTRACTS.md), behind the call engine's
 * {@code Router} seam.
 */
package org.carillon.pbx.routing;
