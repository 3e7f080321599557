package org.carillon.pbx.voicemail;

import java.util.Optional;

/**
 * One extension's voicemail settings.
 *
 * @param pinHash           the PIN's hash (never shown back), empty until set
 * @param skipPinOnOwnDevice {@code *97} from the extension's own phone needs no PIN
 * @param maxMessageSeconds longest message recorded, seconds
 * @param maxMessages       a full mailbox takes no new messages
 */
public record Mailbox(long extensionId, long tenantId, String number, boolean enabled, Optional<String> pinHash,
                      EmailOption emailOption, boolean instructions, boolean skipPinOnOwnDevice,
                      int maxMessageSeconds, int maxMessages) {

    public static final int DEFAULT_MAX_SECONDS = 180;
    public static final int DEFAULT_MAX_MESSAGES = 100;

    /** The settings a mailbox has before anyone changed them. */
    public static Mailbox defaults(long extensionId, long tenantId, String number) {
        return new Mailbox(extensionId, tenantId, number, true, Optional.empty(), EmailOption.NONE, true, true,
                DEFAULT_MAX_SECONDS, DEFAULT_MAX_MESSAGES);
    }
}
