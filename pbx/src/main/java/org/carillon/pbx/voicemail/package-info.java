/**
 * Voicemail (issue 7, SPEC §2.2): mailbox settings per extension, leaving a message when an extension does not take a
 * call ({@link org.carillon.pbx.voicemail.VoicemailApplication}), listening by phone with a DTMF menu
 * ({@link org.carillon.pbx.voicemail.VoicemailMenuApplication}), in the browser and by email, and the
 * message-waiting indication (RFC 3842) to the extension's phones. Files under {@code data/pbx/voicemail/}.
 */
package org.carillon.pbx.voicemail;
