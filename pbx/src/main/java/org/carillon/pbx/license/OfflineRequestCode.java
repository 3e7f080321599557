package org.carillon.pbx.license;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The offline activation request: the installation's fingerprint and id, as one pasteable line
 * ({@code CARREQ1-<base64url>}). It carries nothing secret; the portal turns it into a license file bound to
 * that fingerprint.
 */
public final class OfflineRequestCode {
    static final String PREFIX = "CARREQ1-";

    private OfflineRequestCode() {
    }

    public static String encode(String fingerprint, String installationId) {
        String body = fingerprint + "\n" + installationId;
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(body.getBytes(StandardCharsets.UTF_8));
    }
}
