/**
 * Click-to-call (issue 10): a signed-in user asks the PBX to call someone for them ({@code POST /api/v1/calls}, or
 * the <em>Call</em> button of the team directory); the PBX rings the user's own phones first, then the target, and
 * bridges them ({@link org.carillon.pbx.call.CallService#originate}). Users place calls from their own extension; an
 * Owner or Manager from any extension of the tenant. Every request is audited.
 */
package org.carillon.pbx.clicktocall;
