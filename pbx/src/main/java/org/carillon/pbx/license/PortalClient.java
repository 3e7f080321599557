package org.carillon.pbx.license;

import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.platform.settings.Settings;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks to the portal's activation endpoint ({@code CARILLON_PORTAL_URL} + {@code /api/v1/activations}): key and
 * installation fingerprint in, signed license file out. Blocking; called from web requests and the daily refresh.
 */
@Component
public class PortalClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final String portalUrl;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public PortalClient(Settings settings, JsonMapper json) {
        String url = settings.string("CARILLON_PORTAL_URL", "http://localhost:8081");
        this.portalUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.json = json;
    }

    public String portalUrl() {
        return portalUrl;
    }

    /**
     * @return the armoured license file
     * @throws LicenseInstallException with the portal's reason, or saying that the portal cannot be reached
     */
    public String activate(String key, InstallationFingerprint fingerprint, String installationId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("fingerprint", fingerprint.value());
        body.put("installationId", installationId);
        body.put("version", PortalClient.class.getPackage().getImplementationVersion() == null ? "dev"
                : PortalClient.class.getPackage().getImplementationVersion());
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(portalUrl + "/api/v1/activations"))
                    .timeout(TIMEOUT).header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | IllegalArgumentException e) {
            throw new LicenseInstallException("Cannot reach the customer portal at " + portalUrl + " ("
                    + e.getClass().getSimpleName() + "). Use offline activation, or check CARILLON_PORTAL_URL.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LicenseInstallException("Activation was interrupted.");
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new LicenseInstallException("The customer portal answered " + response.statusCode()
                    + " with something that is not an activation answer.");
        }
        if (response.statusCode() == 200 && answer.hasNonNull("license")) {
            return answer.get("license").asString();
        }
        String detail = answer.hasNonNull("detail") ? answer.get("detail").asString() : "status " + response.statusCode();
        throw new LicenseInstallException("The customer portal refused the activation: " + detail);
    }
}
