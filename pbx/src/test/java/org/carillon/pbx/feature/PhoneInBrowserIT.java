package org.carillon.pbx.feature;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 end to end with real peers: an extension created through the API, baresip registering with its
 * credentials, the API and the admin list in headless Chromium showing it ready — the list updating over
 * server-sent events, without a reload. Fails when baresip, chromium or chromedriver is missing.
 */
class PhoneInBrowserIT extends FeatureH2Context {
    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();
    private final Chromium chromium = CHROMIUM.chromium();
    private final WebDriver browser = CHROMIUM.driver();

    @BeforeAll
    static void peers() {
        Baresip.requireInstalled();
    }

    private void shot(String name) {
        chromium.shot(name);
    }

    private String badge(String number) {
        return browser.findElement(By.cssSelector("[data-status-for='" + number + "']")).getText();
    }

    @Test
    void baresipRegistersAndTheListShowsItReadyWithoutAReload() {
        var created = api().createExtension(uniqueEmail("baresip"), "agent");
        String number = created.text("number");
        String base = "http://127.0.0.1:" + httpPort();
        chromium.signIn(base, OWNER, OWNER_PASSWORD);
        browser.get(base + "/extensions?q=" + number);
        assertThat(badge(number)).isEqualTo("Unregistered");
        shot("extensions-unregistered");

        try (Baresip phone = Baresip.register(sipPort(), number, created.text("username"), created.text("password"))) {
            new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(phone::log)
                    .until(d -> badge(number).equals("Ready"));
            shot("extensions-ready");
            var api = api().get("/api/v1/extensions/" + number);
            assertThat(api.text("status")).isEqualTo("ready");
            assertThat(api.json().path("registrations").get(0).path("userAgent").asString()).containsIgnoringCase("baresip");
            browser.get(base + "/extensions/" + number);
            assertThat(browser.findElement(By.id("registrations")).getText()).containsIgnoringCase("baresip");
            shot("extension-page");
        }
    }
}
