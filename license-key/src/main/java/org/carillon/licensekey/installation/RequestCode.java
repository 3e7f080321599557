package org.carillon.licensekey.installation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The offline activation request a PBX without internet access shows its Owner, to paste into the portal:
 * {@code CARREQ1-} + base64url(fingerprint + newline + installation id). It carries nothing secret; the portal
 * answers with a license file bound to the fingerprint. Immutable, thread-safe.
 *
 * @param fingerprint    the installation's fingerprint
 * @param installationId the PBX's random installation id (shown to support staff, not trusted)
 */
public record RequestCode(InstallationFingerprint fingerprint, String installationId) {
    static final String PREFIX = "CARREQ1-";
    private static final int MAX_LENGTH = 400;

    /** @throws IllegalArgumentException if the installation id is blank, too long or has a line break */
    public RequestCode {
        if (installationId.isBlank() || installationId.length() > 100 || installationId.contains("\n")) {
            throw new IllegalArgumentException("an installation id is 1 to 100 characters on one line");
        }
    }

    /** The text to show and paste. */
    public String encode() {
        String body = fingerprint.value() + "\n" + installationId;
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a pasted request code, tolerating surrounding whitespace and line breaks inside it.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not a request code
     */
    public static RequestCode parse(String text) {
        String compact = text == null ? "" : text.replaceAll("\\s+", "");
        if (compact.length() > MAX_LENGTH || !compact.startsWith(PREFIX)) {
            throw new IllegalArgumentException("This is not a Carillon request code (it starts with " + PREFIX + ").");
        }
        String body;
        try {
            body = new String(Base64.getUrlDecoder().decode(compact.substring(PREFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The request code is damaged; copy it again from the PBX.");
        }
        int newline = body.indexOf('\n');
        if (newline < 0) {
            throw new IllegalArgumentException("The request code is damaged; copy it again from the PBX.");
        }
        try {
            return new RequestCode(InstallationFingerprint.parse(body.substring(0, newline)), body.substring(newline + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The request code is damaged; copy it again from the PBX.");
        }
    }
}
