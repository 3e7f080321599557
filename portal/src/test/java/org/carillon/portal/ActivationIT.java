package org.carillon.portal;

import org.carillon.licensekey.file.Expectations;
import org.carillon.licensekey.file.LicenseVerifier;
import org.carillon.licensekey.file.Verification;
import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.licensekey.keypair.DevelopmentKey;
import org.carillon.licensekey.keypair.TrustedKeys;
import org.carillon.portal.license.LicenseStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The activation endpoint the PBX calls (issue 9): key + fingerprint in, signed license file out. */
class ActivationIT extends PortalContext {
    private static final Pattern LICENSE = Pattern.compile("\"license\":\"([^\"]+)\"");
    @Autowired
    LicenseStore licenses;

    private HttpResponse<String> activate(String key, InstallationFingerprint fingerprint) throws Exception {
        String body = "{\"key\":\"" + key + "\",\"fingerprint\":\"" + fingerprint.value()
                + "\",\"installationId\":\"test-install\",\"version\":\"test\"}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/activations"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static org.carillon.licensekey.file.License verified(HttpResponse<String> response, InstallationFingerprint fp) {
        var m = LICENSE.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        String file = m.group(1).replace("\\n", "\n");
        var verification = new LicenseVerifier(DevelopmentKey.trustedBy(TrustedKeys.none()), Clock.systemUTC())
                .verify(file, Expectations.forNewFile(fp));
        assertThat(verification).isInstanceOf(Verification.Accepted.class);
        return verification.require();
    }

    private String keyOf(long customerId, long licenseId) {
        return licenses.find(customerId, licenseId).orElseThrow().key().text();
    }

    @Test
    void firstCallActivatesAndLaterCallsRefreshWithAHigherSequence() throws Exception {
        var customer = fixtures.customer();
        long id = fixtures.license(customer.id(), "professional", 50, 200, "active");
        var fp = InstallationFingerprint.of("machine-a", "install-a");

        var first = activate(keyOf(customer.id(), id), fp);
        assertThat(first.statusCode()).isEqualTo(200);
        var license = verified(first, fp);
        assertThat(license.limits().extensions()).isEqualTo(50);
        assertThat(license.edition()).isEqualTo("professional");
        assertThat(license.features()).contains("contact_centre");
        assertThat(license.installation()).contains(fp);
        assertThat(licenses.find(customer.id(), id).orElseThrow().installation()).isEqualTo(fp.value());

        var refresh = verified(activate(keyOf(customer.id(), id), fp), fp);
        assertThat(refresh.sequence()).isGreaterThan(license.sequence());
        assertThat(licenses.events(customer.id(), java.util.List.of(id))
                .get(id)).anyMatch(e -> e.kind().equals("activated"));
    }

    @Test
    void aLicenseMovesTwiceAYearAndThenIsRefused() throws Exception {
        var customer = fixtures.customer();
        long id = fixtures.license(customer.id(), "standard", 10, 100, "active");
        String key = keyOf(customer.id(), id);
        assertThat(activate(key, InstallationFingerprint.of("m", "1")).statusCode()).isEqualTo(200);
        assertThat(activate(key, InstallationFingerprint.of("m", "2")).statusCode()).isEqualTo(200);
        assertThat(activate(key, InstallationFingerprint.of("m", "3")).statusCode()).isEqualTo(200);
        var fourth = activate(key, InstallationFingerprint.of("m", "4"));
        assertThat(fourth.statusCode()).isEqualTo(409);
        assertThat(fourth.body()).contains("moved 2 times");
    }

    @Test
    void unknownMalformedAndSuspendedKeysGetClearAnswers() throws Exception {
        var fp = InstallationFingerprint.of("m", "x");
        var unknown = activate("CAR1-04HMA-SW9NF-6YY09-38NKR-2", fp);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No license has this activation key.");

        var malformed = activate("CAR1-NOT-A-KEY", fp);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"key\"");

        var customer = fixtures.customer();
        long id = fixtures.license(customer.id(), "standard", 10, 100, "suspended");
        var suspended = activate(keyOf(customer.id(), id), fp);
        assertThat(suspended.statusCode()).isEqualTo(403);
        assertThat(suspended.body()).contains("suspended");
    }

    @Test
    void technicalUserDownloadsAnOfflineFileForThePbxsRequestCode() {
        var customer = fixtures.customer();
        long id = fixtures.license(customer.id(), "enterprise", 25, 200, "active");
        var web = signedIn(fixtures.member(customer.id(), org.carillon.portal.access.PortalRole.TECHNICAL));
        var fp = InstallationFingerprint.of("offline-machine", "offline-install");
        String code = new org.carillon.licensekey.installation.RequestCode(fp, "offline-install").encode();

        assertThat(web.get("/licenses/" + id + "/offline").body()).contains("Request code");
        var bad = web.postForm("/licenses/" + id + "/offline", java.util.Map.of("requestCode", "hello",
                "_csrf", web.csrfToken("/licenses/" + id + "/offline")));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"code-error\"").contains("not a Carillon request code");

        var file = web.postForm("/licenses/" + id + "/offline", java.util.Map.of("requestCode", code,
                "_csrf", web.csrfToken("/licenses/" + id + "/offline")));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains("lic-" + id);
        var verification = new LicenseVerifier(DevelopmentKey.trustedBy(TrustedKeys.none()), Clock.systemUTC())
                .verify(file.body(), Expectations.forNewFile(fp));
        var license = verification.require();
        assertThat(license.limits().extensions()).isEqualTo(25);
        assertThat(license.expiresAt()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(200)));

        var foreign = fixtures.customer();
        long other = fixtures.license(foreign.id(), "standard", 10, 100, "active");
        assertThat(web.get("/licenses/" + other + "/offline").statusCode()).isEqualTo(404);
    }

    @Test
    void setUpRecordsTheAnswersThenShowsRequirementsKeyAndDownloads() {
        var customer = fixtures.customer();
        long id = fixtures.license(customer.id(), "professional", 25, 300, "active");
        var web = signedIn(fixtures.member(customer.id(), org.carillon.portal.access.PortalRole.TECHNICAL));
        String path = "/licenses/" + id + "/setup";
        assertThat(web.get(path).body()).contains("Save set-up").doesNotContain("id=\"setup-next\"");

        var tooMany = web.postForm(path, java.util.Map.of("extensions", "26", "country", "DE", "language", "de",
                "promptSet", "de-DE", "_csrf", web.csrfToken(path)));
        assertThat(tooMany.body()).contains("Between 1 and 25, the extensions of this license.").contains("is-invalid");
        var noCountry = web.postForm(path, java.util.Map.of("extensions", "20", "country", "XX", "language", "de",
                "promptSet", "de-DE", "_csrf", web.csrfToken(path)));
        assertThat(noCountry.body()).contains("Choose the country the PBX serves.");

        var saved = web.postForm(path, java.util.Map.of("extensions", "20", "country", "DE", "language", "de",
                "promptSet", "de-DE", "_csrf", web.csrfToken(path)));
        assertThat(saved.body()).contains("The set-up is saved.").contains("id=\"setup-next\"")
                .contains(licenses.find(customer.id(), id).orElseThrow().key().text()).contains("Requirements");
        assertThat(web.get(path).body()).contains("id=\"setup-next\"").contains("selected");
        assertThat(licenses.events(customer.id(), java.util.List.of(id)).get(id)).anyMatch(e -> e.kind().equals("set up"));
    }
}
