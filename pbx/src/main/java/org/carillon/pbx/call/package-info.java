/**
 * The call engine (issue 6): a back-to-back user agent with media anchored on every call.
 *
 * <p>Each {@link org.carillon.pbx.call.Call} has one owner, its {@code CallExecutor} (a queue drained by one virtual
 * thread at a time): SIP requests and responses of both sides, media events (no RTP) and timers (no answer, max
 * duration, session timer) are all submitted there, so call logic is sequential code without locks. Entry points
 * are the SIP handlers ({@code InviteHandler}, {@code InDialogHandlers}) and {@link org.carillon.pbx.call.CallService}.
 *
 * <p>Seams for later features: a {@link org.carillon.pbx.call.Router} (implemented by the routing feature) turns a
 * dialled number into a {@link org.carillon.pbx.call.Destination}; an extension is rung on every registered
 * contact, anything else is a {@link org.carillon.pbx.call.CallApplication} the caller's leg is handed to (today:
 * the prompt application for unknown numbers; voicemail, parking and teams will be more). Finished calls are
 * published as {@link org.carillon.pbx.call.CallEnded} events with their
 * {@link org.carillon.pbx.call.CallRecord} (the call history stores them) and live changes as
 * {@link org.carillon.pbx.call.ActiveCallsChanged}.
 */
package org.carillon.pbx.call;
