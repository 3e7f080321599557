/**
 * Call history and live calls for people: every finished call stored ({@code call_record}, written on the call's
 * own thread as it ends), searched and paged or exported as CSV ({@code GET /api/v1/calls}), the live list with
 * hang-up ({@code GET /api/v1/calls/active}, {@code DELETE /api/v1/calls/active/{id}}) and the admin pages Call
 * history and Active calls (live over server-sent events).
 */
package org.carillon.pbx.cdr;
