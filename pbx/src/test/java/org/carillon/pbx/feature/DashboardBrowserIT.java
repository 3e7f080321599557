package org.carillon.pbx.feature;

import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.carillon.pbx.cdr.CdrStore;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real headless Chromium: a phone registering after the page opened shows up without a reload
 * (pushed: the extension's status event makes the page fetch its live cards again, well before their 30 s
 * fallback refresh), and so does a second phone of the same extension (no status change: a device-count event),
 * the chart of today's calls, and the page fitting a 375 px phone.
 */
class DashboardBrowserIT extends FeatureH2Context {
    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();
    private final Chromium chromium = CHROMIUM.chromium();
    private final WebDriver browser = CHROMIUM.driver();

    @Test
    void registeredDevicesUpdateWithoutReloadAndThePageFitsAPhone() {
        long tenant = bean(TenantDirectory.class).current().id();
        Instant now = clock().instant();
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // a few calls in the hours before now (those before midnight are not today's)
            Instant at = now.minusSeconds(1200L * i * (i % 3 + 1));
            calls.add(new CallRecord(UUID.randomUUID().toString(), tenant, "1000", "1001", Optional.of("1001"), at,
                    Optional.of(at), at.plusSeconds(20), CallResult.ANSWERED, 200, "caller", List.of()));
        }
        bean(CdrStore.class).insertAll(calls);
        var ext = api().createExtension(uniqueEmail("browser-dash"), "agent");

        chromium.signIn(httpPort(), OWNER, OWNER_PASSWORD);
        browser.get("http://127.0.0.1:" + httpPort() + "/");
        assertThat(browser.findElement(By.id("registered-devices")).getText()).isEqualTo("0");
        try (var phone = new SipTestClient(sipPort())) {
            assertThat(phone.register(ext.text("number"), ext.text("username"), ext.text("password"), 120)
                    .statusCode()).isEqualTo(200);
            new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage("registered devices pushed to 1")
                    .until(d -> d.findElement(By.id("registered-devices")).getText().equals("1"));
            try (var desk = new SipTestClient(sipPort())) { // a second phone: the status stays Ready, the count moves
                assertThat(desk.register(ext.text("number"), ext.text("username"), ext.text("password"), 120)
                        .statusCode()).isEqualTo(200);
                new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage("registered devices pushed to 2")
                        .until(d -> d.findElement(By.id("registered-devices")).getText().equals("2"));
            }
            assertThat(browser.findElements(By.cssSelector("#calls-per-hour [data-hour]")).size())
                    .isBetween(23, 25);
            chromium.shot("dashboard-1280");
            chromium.phoneWidth(true);
            try {
                browser.navigate().refresh();
                assertThat(chromium.pageWidth()).as("page width at 375 px").isLessThanOrEqualTo(375);
                chromium.shot("dashboard-375");
                ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                        "document.getElementById('calls-per-hour').scrollIntoView()");
                chromium.shot("dashboard-375-chart");
            } finally {
                chromium.phoneWidth(false);
            }
        }
    }
}
