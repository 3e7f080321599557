package org.carillon.pbx.voicemail;

/**
 * A mailbox's message counts changed (a message left, heard, saved or deleted), or its phones need to be told again.
 * Published after the change is committed; the message-waiting indication listens.
 */
public record MailboxChanged(long tenantId, long extensionId, String number, int newMessages, int oldMessages) {

    public boolean waiting() {
        return newMessages > 0;
    }
}
