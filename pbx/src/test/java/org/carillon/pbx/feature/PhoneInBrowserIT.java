package org.carillon.pbx.feature;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 end to end with real peers: an extension created through the API, baresip registering with its
 * credentials, the API and the admin list in headless Chromium showing it ready — the list updating over
 * server-sent events, without a reload. Fails when baresip, chromium or chromedriver is missing.
 */
class PhoneInBrowserIT extends FeatureH2Context {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static WebDriver browser;

    @BeforeAll
    static void startChromium() throws IOException {
        for (String bin : new String[]{"/usr/bin/chromium", "/usr/bin/chromedriver"}) {
            if (!Files.isExecutable(Path.of(bin))) {
                throw new AssertionError(bin + " not found: apt-get install -y chromium chromium-driver");
            }
        }
        Baresip.requireInstalled();
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void shot(String name) {
        try {
            File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), SHOTS.resolve("pbx-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // screenshots are a courtesy
        }
    }

    private String badge(String number) {
        return browser.findElement(By.cssSelector("[data-status-for='" + number + "']")).getText();
    }

    @Test
    void baresipRegistersAndTheListShowsItReadyWithoutAReload() {
        var created = api().createExtension(uniqueEmail("baresip"), "agent");
        String number = created.text("number");
        String base = "http://127.0.0.1:" + httpPort();
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(OWNER);
        browser.findElement(By.name("password")).sendKeys(OWNER_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
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
