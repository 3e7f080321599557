package org.carillon.pbx.voicemail;

import org.carillon.platform.web.ApiProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change to a mailbox's settings; absent fields stay as they are.
 *
 * @param pin the new PIN in clear (4-10 digits); hashed before it is stored
 */
public record MailboxChanges(Optional<Boolean> enabled, Optional<String> pin, Optional<EmailOption> emailOption,
                             Optional<Boolean> instructions, Optional<Boolean> skipPinOnOwnDevice,
                             Optional<Integer> maxMessageSeconds, Optional<Integer> maxMessages) {

    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 3600;
    public static final int MAX_MESSAGES = 1000;

    /** What is wrong with the values, field by field (empty when all are fine). */
    public List<ApiProblem.FieldError> problems() {
        List<ApiProblem.FieldError> p = new ArrayList<>();
        pin.filter(v -> !validPin(v)).ifPresent(v -> p.add(new ApiProblem.FieldError("pin",
                "must be 4 to 10 digits")));
        maxMessageSeconds.filter(v -> v < MIN_SECONDS || v > MAX_SECONDS).ifPresent(v -> p.add(
                new ApiProblem.FieldError("maxMessageSeconds",
                        "must be from " + MIN_SECONDS + " to " + MAX_SECONDS + " seconds")));
        maxMessages.filter(v -> v < 1 || v > MAX_MESSAGES).ifPresent(v -> p.add(
                new ApiProblem.FieldError("maxMessages", "must be from 1 to " + MAX_MESSAGES)));
        return p;
    }

    public static boolean validPin(String pin) {
        return pin != null && pin.matches("[0-9]{4,10}");
    }
}
