package org.carillon.portal;

import org.carillon.platform.testing.TestPorts;
import org.carillon.platform.account.OwnerBootstrap;
import org.carillon.platform.testing.WebClient;
import org.carillon.portal.license.LicenseStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both apps running (issue 9, end to end): the real PBX jar runs as its own process and activates online against
 * this portal with the license key, then enforces the license's extension limit, and picks up a change made in
 * the portal on its next refresh. Needs the PBX built first (the reactor builds pbx before portal).
 */
// Offline first: once online activation stores a key, the PBX's refresh (every 1.5 s here) keeps that license.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PbxActivationE2EIT extends PortalContext {
    private static final Path PBX_JAR = Path.of("../pbx/target/carillon-pbx.jar").toAbsolutePath().normalize();
    @TempDir
    static Path pbxData;
    private static Process pbx;
    private static int pbxPort;

    @Autowired
    LicenseStore licenses;
    @Autowired
    JdbcClient jdbc;

    /** Starts the PBX once the portal (this test's Spring context) is up, so it knows the portal's port. */
    private void startPbx() throws Exception {
        if (pbx != null) {
            return;
        }
        assertThat(PBX_JAR).as("the PBX jar (build the pbx module first)").exists();
        pbxPort = TestPorts.tcp();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-jar", PBX_JAR.toString())
                .directory(pbxData.toFile())
                .redirectErrorStream(true)
                .redirectOutput(pbxData.resolve("pbx.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CARILLON_"));
        builder.environment().putAll(Map.of(
                "CARILLON_PBX_HTTP_PORT", Integer.toString(pbxPort),
                "CARILLON_SIP_PORT", Integer.toString(TestPorts.udpAndTcp()),
                "CARILLON_BIND", "127.0.0.1",
                "CARILLON_DATA_DIR", pbxData.resolve("data").toString(),
                "CARILLON_OWNER_PASSWORD", PASSWORD,
                "CARILLON_PORTAL_URL", "http://127.0.0.1:" + port,
                "CARILLON_DEV_LICENSES", "true",
                "CARILLON_LICENSE_REFRESH_MS", "1500",
                "CARILLON_LICENSE_REFRESH_INITIAL_MS", "1500"));
        pbx = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            assertThat(pbx.isAlive()).as("PBX process (log: " + pbxData.resolve("pbx.log") + ")").isTrue();
            try {
                if (pbxGet("/actuator/health").body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            pbx.waitFor(500, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the PBX did not start within 180 s; see " + pbxData.resolve("pbx.log"));
    }

    @AfterAll
    static void stopPbx() throws InterruptedException {
        if (pbx != null) {
            pbx.destroy();
            if (!pbx.waitFor(30, TimeUnit.SECONDS)) {
                pbx.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> pbxGet(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pbxPort + path))
                .header("Authorization", WebClient.basic(OwnerBootstrap.OWNER_EMAIL, PASSWORD))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> createExtension(int i) throws IOException, InterruptedException {
        String body = "{\"email\":\"user" + i + "-" + System.nanoTime() + "@example.com\",\"firstName\":\"User\","
                + "\"lastName\":\"Number" + i + "\"}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pbxPort
                        + "/api/v1/extensions"))
                .header("Authorization", WebClient.basic(OwnerBootstrap.OWNER_EMAIL, PASSWORD))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(3)
    void licenseBoughtInThePortalActivatesThePbxWhichEnforcesItAndPicksUpAnUpgradeOnRefresh() throws Exception {
        startPbx();
        var customer = fixtures.customer();
        Shop shop = new Shop(signedIn(customer.ownerEmail()));
        shop.buyStandard(); // Standard, 10 extensions, paid with the sandbox's approving card
        long licenseId = jdbc.sql("SELECT id FROM license WHERE customer_id = ?").param(customer.id())
                .query(Long.class).single();
        String key = licenses.find(customer.id(), licenseId).orElseThrow().key().text();

        WebClient owner = new WebClient(pbxPort);
        owner.login(OwnerBootstrap.OWNER_EMAIL, PASSWORD);
        var activated = owner.postForm("/settings/license/activate",
                Map.of("key", key, "_csrf", owner.csrfToken("/settings/license")));
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(302);
        assertThat(pbxGet("/api/v1/license").body()).contains("\"state\":\"valid\"").contains("\"extensionLimit\":10")
                .contains("\"licenseId\":\"lic-" + licenseId + "\"");
        assertThat(licenses.find(customer.id(), licenseId).orElseThrow().installation()).hasSize(64);

        for (int i = 1; i <= 10; i++) {
            assertThat(createExtension(i).statusCode()).isEqualTo(201);
        }
        var refused = createExtension(11);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("lic-" + licenseId).contains("allows 10 extensions");

        // The owner buys more extensions in the portal; the PBX picks them up on its next refresh (every 1.5 s here).
        shop.add("add_extensions", "", "25", "0", Long.toString(licenseId));
        var paid = shop.pay(shop.cartId(), org.carillon.portal.payment.SandboxPaymentGateway.APPROVE);
        assertThat(paid.statusCode()).isEqualTo(302);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!pbxGet("/api/v1/license").body().contains("\"extensionLimit\":25")) {
            assertThat(Instant.now()).as("the PBX refreshed its license").isBefore(deadline);
            pbx.waitFor(500, TimeUnit.MILLISECONDS);
        }
        assertThat(createExtension(11).statusCode()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void wrongKeyIsRefusedOnThePbxLicensePageWithThePortalsReason() throws Exception {
        startPbx();
        WebClient owner = new WebClient(pbxPort);
        owner.login(OwnerBootstrap.OWNER_EMAIL, PASSWORD);
        var page = owner.postForm("/settings/license/activate",
                Map.of("key", "CAR1-04HMA-SW9NF-6YY09-38NKR-2", "_csrf", owner.csrfToken("/settings/license")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No license has this activation key.").contains("id=\"key-error\"");
        var typo = owner.postForm("/settings/license/activate",
                Map.of("key", "CAR1-04HMA-SW9NF-6YY09-38NKR-3", "_csrf", owner.csrfToken("/settings/license")));
        assertThat(typo.body()).contains("id=\"key-error\"");
        assertThat(Files.exists(pbxData.resolve("pbx.log"))).isTrue();
    }

    @Test
    @Order(1)
    void offlineActivationCarriesTheRequestCodeToThePortalAndTheFileBack() throws Exception {
        startPbx();
        var customer = fixtures.customer();
        long licenseId = fixtures.license(customer.id(), "enterprise", 40, 200, "active");
        WebClient pbxOwner = new WebClient(pbxPort);
        pbxOwner.login(OwnerBootstrap.OWNER_EMAIL, PASSWORD);
        var code = java.util.regex.Pattern.compile("id=\"request-code\">(CARREQ1-[A-Za-z0-9_-]+)<")
                .matcher(pbxOwner.get("/settings/license").body());
        assertThat(code.find()).as("the PBX shows its request code").isTrue();

        var technical = signedIn(fixtures.member(customer.id(), org.carillon.portal.access.PortalRole.TECHNICAL));
        var file = technical.postForm("/licenses/" + licenseId + "/offline", Map.of("requestCode", code.group(1),
                "_csrf", technical.csrfToken("/licenses/" + licenseId + "/offline")));
        assertThat(file.statusCode()).isEqualTo(200);

        var installed = pbxOwner.postForm("/settings/license", Map.of("text", file.body(),
                "_csrf", pbxOwner.csrfToken("/settings/license")));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(302);
        assertThat(pbxGet("/api/v1/license").body()).contains("\"licenseId\":\"lic-" + licenseId + "\"")
                .contains("\"extensionLimit\":40").contains("\"edition\":\"enterprise\"");
    }
}
