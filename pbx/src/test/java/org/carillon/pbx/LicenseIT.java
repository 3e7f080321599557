package org.carillon.pbx;

import org.carillon.licensekey.file.License;
import org.carillon.licensekey.file.LicenseBuilder;
import org.carillon.licensekey.file.LicenseSigner;
import org.carillon.licensekey.file.Limits;
import org.carillon.licensekey.installation.InstallationFingerprint;
import org.carillon.licensekey.keypair.DevelopmentKey;
import org.carillon.licensekey.keypair.Ed25519Keys;
import org.carillon.pbx.license.InstallationIdentity;
import org.carillon.pbx.license.LicenseLimitException;
import org.carillon.pbx.license.LicenseService;
import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.testing.NoLoginWait;
import org.carillon.platform.testing.WebClient;
import org.carillon.platform.testing.WebFoundationContract;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Installing and enforcing license files on the PBX (issue 9, PBX side). */
@SpringBootTest(classes = PbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(NoLoginWait.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenseIT {
    private static final AtomicLong SEQUENCE = new AtomicLong(1000);
    @TempDir
    static Path data;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        PbxTestSettings.common(registry, () -> data);
        registry.add("carillon.dev.licenses", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    LicenseService licenses;
    @Autowired
    InstallationIdentity identity;

    private static PrivateKey testProductionKey() {
        return Ed25519Keys.readPrivateKey(Path.of("src/test/resources/license/pbx-test-prod-1.TEST-ONLY.private.pem"));
    }

    private static LicenseBuilder base(int extensions, long sequence) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return License.builder().licenseId("lic-" + sequence).accountId("acc-1").licensee("Acme Ltd")
                .edition("professional").subscription(today.minusDays(1), today.plusDays(364)).graceDays(14)
                .limits(new Limits(extensions, 30, 1)).features(List.of()).sequence(sequence)
                .validity(now, now.plus(Duration.ofDays(30)));
    }

    private String production(int extensions, long sequence, InstallationFingerprint bound) {
        return new LicenseSigner(testProductionKey(), "pbx-test-prod-1")
                .sign(base(extensions, sequence).installation(bound).build());
    }

    private HttpResponse<String> put(String text) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/license"))
                .header("Authorization", WebClient.basic(OwnerBootstrap.OWNER_EMAIL, WebFoundationContract.OWNER_PASSWORD))
                .header("Content-Type", "text/plain").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void freshPbxRunsTheFreeTierOfTenExtensions() {
        var view = licenses.view();
        assertThat(view.state()).isEqualTo("unlicensed");
        assertThat(view.extensionLimit()).isEqualTo(10);
        licenses.requireRoomForExtensions(9, 1);
        assertThatThrownBy(() -> licenses.requireRoomForExtensions(10, 1))
                .isInstanceOf(LicenseLimitException.class).hasMessageContaining("free tier allows 10 extensions");
    }

    @Test
    void productionLicenseForThisInstallationIsInstalledAndItsLimitEnforced() throws Exception {
        var response = put(production(50, SEQUENCE.incrementAndGet(), identity.fingerprint()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"state\":\"valid\"").contains("\"extensionLimit\":50")
                .contains("\"development\":false");
        licenses.requireRoomForExtensions(49, 1);
        assertThatThrownBy(() -> licenses.requireRoomForExtensions(50, 1))
                .isInstanceOf(LicenseLimitException.class)
                .hasMessageContaining("The license lic-").hasMessageContaining("allows 50 extensions");
    }

    @Test
    void olderSequenceIsRefusedAfterANewerProductionFile() throws Exception {
        long newer = SEQUENCE.addAndGet(10);
        assertThat(put(production(20, newer, identity.fingerprint())).statusCode()).isEqualTo(200);
        var older = put(production(500, newer - 5, identity.fingerprint()));
        assertThat(older.statusCode()).isEqualTo(422);
        assertThat(older.body()).contains("older");
    }

    @Test
    void anotherInstallationsFileIsRefused() throws Exception {
        var response = put(production(50, SEQUENCE.incrementAndGet(), InstallationFingerprint.of("other", "machine")));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
        assertThat(response.body()).containsIgnoringCase("installation");
    }

    @Test
    void tamperedPayloadIsRefused() throws Exception {
        String file = production(50, SEQUENCE.incrementAndGet(), identity.fingerprint());
        String[] lines = file.split("\n");
        char[] line = lines[2].toCharArray();
        line[10] = line[10] == 'A' ? 'B' : 'A';
        lines[2] = new String(line);
        var response = put(String.join("\n", lines));
        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void fileSignedByAnUnknownKeyIsRefused() throws Exception {
        var stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String file = new LicenseSigner(stranger.getPrivate(), "stranger-1")
                .sign(base(50, SEQUENCE.incrementAndGet()).installation(identity.fingerprint()).build());
        var response = put(file);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).containsIgnoringCase("key");
    }

    @Test
    void expiredFileIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        String file = new LicenseSigner(testProductionKey(), "pbx-test-prod-1").sign(base(50, SEQUENCE.incrementAndGet())
                .installation(identity.fingerprint()).validity(past, past.plus(Duration.ofDays(30))).build());
        var response = put(file);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).containsIgnoringCase("expired");
    }

    @Test
    void developmentLicenseIsTrustedWhenEnabledAndShownWithABanner() {
        String file = new LicenseSigner(DevelopmentKey.privateKey(), DevelopmentKey.KID)
                .sign(base(25, Instant.now().getEpochSecond()).edition("development").build());
        WebClient web = new WebClient(port);
        web.login(OwnerBootstrap.OWNER_EMAIL, WebFoundationContract.OWNER_PASSWORD);
        var saved = web.postForm("/settings/license", Map.of("text", file, "_csrf", web.csrfToken("/settings/license")));
        assertThat(saved.statusCode()).isEqualTo(302);
        var page = web.get("/settings/license");
        assertThat(page.body()).contains("The license file is installed.").contains("Development license: not for production use.")
                .contains("CARREQ1-");
        assertThat(licenses.view().extensionLimit()).isEqualTo(25);
        assertThat(web.get("/").body()).contains("id=\"license-banner\"");
    }

    @Test
    void licensePageRefusesGarbageWithTheReasonBesideTheField() {
        WebClient web = new WebClient(port);
        web.login(OwnerBootstrap.OWNER_EMAIL, WebFoundationContract.OWNER_PASSWORD);
        var page = web.postForm("/settings/license", Map.of("text", "not a license", "_csrf", web.csrfToken("/settings/license")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("is-invalid").contains("id=\"file-error\"");
    }

    @Autowired
    org.carillon.pbx.license.LicenseNotices notices;
    @Autowired
    org.carillon.platform.mail.MailOutboxStore outbox;

    @Test
    @Order(100)
    void ownersGetOneGraceEmailADayAfterTheEntitlementEnds() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String ended = new LicenseSigner(testProductionKey(), "pbx-test-prod-1").sign(base(50, SEQUENCE.addAndGet(100))
                .subscription(today.minusDays(40), today.minusDays(2)).installation(identity.fingerprint()).build());
        assertThat(put(ended).statusCode()).isEqualTo(200);
        assertThat(licenses.view().state()).isEqualTo("grace");
        assertThat(licenses.view().banner()).get().asString().contains("restricted from");

        assertThat(notices.sendDue()).isEqualTo(1);
        assertThat(notices.sendDue()).isZero(); // once a day
        assertThat(outbox.latest(20)).anyMatch(m -> m.recipient().equals(OwnerBootstrap.OWNER_EMAIL)
                && m.subject().contains("has ended"));
    }
}
