package org.carillon.pbx.voicemail;

import java.time.Duration;
import java.time.Instant;

/**
 * One stored message; its audio is {@code <id>.wav} in the mailbox's folder.
 *
 * @param caller the caller's number
 * @param heard  listened to (by phone or in the browser) or marked heard; new otherwise
 */
public record VoicemailMessage(String id, long tenantId, long extensionId, String caller, Instant receivedAt,
                               Duration length, boolean heard) {
}
