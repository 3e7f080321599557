package org.carillon.pbx.feature;

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

/**
 * Headless Debian Chromium driven by chromedriver for the PBX's browser tests: start, sign in, screenshots into
 * {@code target/screenshots}. A missing binary fails the test (never skips).
 */
public final class Chromium implements AutoCloseable {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private final WebDriver browser;

    private Chromium(WebDriver browser) {
        this.browser = browser;
    }

    /** @throws AssertionError when chromium or chromedriver is not installed */
    public static Chromium start() throws IOException {
        for (String bin : new String[]{"/usr/bin/chromium", "/usr/bin/chromedriver"}) {
            if (!Files.isExecutable(Path.of(bin))) {
                throw new AssertionError(bin + " not found: apt-get install -y chromium chromium-driver");
            }
        }
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run", "--window-size=1280,900",
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(driver);
    }

    public WebDriver driver() {
        return browser;
    }

    /** Signs in on the PBX at {@code base} with the login form. */
    public void signIn(String base, String email, String password) {
        browser.manage().deleteAllCookies();
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Saves a screenshot as {@code target/screenshots/pbx-<name>.png} (a courtesy: failures are ignored). */
    public void shot(String name) {
        try {
            File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(f.toPath(), SHOTS.resolve("pbx-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // screenshots are a courtesy
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
