package org.carillon.pbx.feature;

import org.openqa.selenium.By;
import java.util.Map;
import java.util.List;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
                // Bootstrap scrolls smoothly unless motion is reduced: a click during the scroll lands elsewhere
                "--force-prefers-reduced-motion",
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

    /**
     * Drags {@code source} onto {@code target} with the mouse through Chromium's own input pipeline (DevTools
     * {@code Input} domain): press on the source, move, and the HTML5 drag that starts is carried to the target and
     * dropped there, then the button is released. Headless Chromium has no window system to run a drag loop, so the
     * drag is intercepted ({@code Input.setInterceptDrags}) and delivered with {@code Input.dispatchDragEvent},
     * carrying {@code data} (MIME type → value) as the page's {@code dragstart} put it in its {@code DataTransfer}.
     */
    public void dragAndDrop(WebElement source, WebElement target, Map<String, String> data) {
        ChromiumDriver cdp = (ChromiumDriver) browser;
        double[] from = centre(source);
        double[] to = centre(target);
        cdp.executeCdpCommand("Input.setInterceptDrags", Map.of("enabled", true));
        try {
            mouse(cdp, "mousePressed", from[0], from[1]);
            mouse(cdp, "mouseMoved", from[0] + 8, from[1] + 8);
            mouse(cdp, "mouseMoved", to[0], to[1]);
            List<Map<String, String>> items = data.entrySet().stream()
                    .map(e -> Map.of("mimeType", e.getKey(), "data", e.getValue())).toList();
            // dragOperationsMask: copy (1) | move (16)
            Map<String, Object> drag = Map.of("items", items, "dragOperationsMask", 17);
            for (String type : List.of("dragEnter", "dragOver", "drop")) {
                cdp.executeCdpCommand("Input.dispatchDragEvent", Map.of("type", type, "x", to[0], "y", to[1],
                        "data", drag));
            }
            mouse(cdp, "mouseReleased", to[0], to[1]);
        } finally {
            cdp.executeCdpCommand("Input.setInterceptDrags", Map.of("enabled", false));
        }
    }

    private static void mouse(ChromiumDriver cdp, String type, double x, double y) {
        cdp.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left",
                "buttons", type.equals("mouseReleased") ? 0 : 1, "clickCount", 1));
    }

    /** The element's centre in viewport CSS pixels, after scrolling it into view. */
    private double[] centre(WebElement element) {
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) ((JavascriptExecutor) browser).executeScript("""
                arguments[0].scrollIntoView({block: 'center'});
                const r = arguments[0].getBoundingClientRect();
                return [r.left + r.width / 2, r.top + Math.min(r.height / 2, 20)];""", element);
        return new double[]{xy.get(0).doubleValue(), xy.get(1).doubleValue()};
    }

    /** Signs in on the PBX listening on {@code port} of the loopback address. */
    public void signIn(int port, String email, String password) {
        signIn("http://127.0.0.1:" + port, email, password);
    }

    /**
     * Emulates a 375 px wide phone (a "mobile" viewport, which zooms out to show a page wider than the screen) when
     * {@code on}, else returns to the window's own size.
     */
    public void phoneWidth(boolean on) {
        ChromiumDriver cdp = (ChromiumDriver) browser;
        if (on) {
            cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        } else {
            cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** The width in CSS pixels the current page needs (the document's scroll width). */
    public int pageWidth() {
        return ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth")).intValue();
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

    /**
     * One Chromium for a whole test class, as a JUnit extension:
     * {@code @RegisterExtension static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();} starts it before
     * the class's tests and quits it after them.
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private Chromium chromium;

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            chromium = start();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (chromium != null) {
                chromium.close();
                chromium = null;
            }
        }

        public Chromium chromium() {
            return chromium;
        }

        public WebDriver driver() {
            return chromium.driver();
        }
    }
}
