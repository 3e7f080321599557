package org.carillon.portal;

import org.carillon.platform.mfa.Base32;
import org.carillon.platform.mfa.Totp;
import org.carillon.portal.mfa.MfaPolicy;
import org.carillon.portal.payment.SandboxPaymentGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; the test fails when
 * they are missing): sign-in, two-step sign-in set-up and prompt, dashboard counts, purchase with an approving and a
 * declining card, invoice search and payment details behind the arrow, profile's "Yes, send link", forgotten
 * password by the emailed link, sub-account invitation to first sign-in, and every customer page at a 375 px phone
 * width (nothing wider than the screen, the side menu hidden until asked). Screenshots go to
 * {@code target/screenshots/}.
 */
class BrowserIT extends PortalContext {
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static WebDriver browser;
    @Autowired
    MfaPolicy policy;

    @BeforeAll
    static void startChromium() throws IOException {
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-extensions", "--no-first-run",
                "--window-size=1280,900");
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

    @Test
    void ownerSignsInAndBuysWithTheApprovingCardThenSeesLicenseAndInvoice() {
        var customer = fixtures.customer();
        signIn(customer.ownerEmail());
        shot("dashboard");
        assertThat(text("#count-total")).isEqualTo("0");
        click(By.linkText("Purchases"));
        addToCart("new", "professional", "25", "1");
        shot("cart");
        assertThat(text("#order-total")).startsWith("EUR ");
        click(By.id("proceed"));
        assertThat(browser.findElement(By.id("sandbox-banner")).getText()).contains("Sandbox payments");
        fillCard(SandboxPaymentGateway.APPROVE);
        shot("checkout");
        click(By.id("pay"));
        assertThat(text("#order-status")).contains("Payment approved").contains("INV-");
        shot("order-approved");

        click(By.linkText("Licenses"));
        assertThat(text("#licenses")).contains("Professional").contains("CAR1-");
        click(By.linkText("License history"));
        assertThat(text("#license-history")).contains("Purchased");
        shot("license-history");
        click(By.linkText("Invoice"));
        // Issue 8: the details are loaded by htmx when the row's button is opened; keyboard (Enter) opens it.
        WebElement arrow = browser.findElement(By.cssSelector("#invoices button[aria-label='Payment details']"));
        assertThat(arrow.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(text("#invoices")).doesNotContain("sbx_");
        arrow.sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#invoices tr.collapse.show")));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#" + arrow.getAttribute("aria-controls")), "sbx_"));
        assertThat(arrow.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(text("#invoices")).contains("•••• 4242").contains("sbx_");
        shot("invoices");
        String number = browser.findElement(By.cssSelector("#invoices tbody tr td:nth-child(2)")).getText();
        browser.findElement(By.id("number")).sendKeys(number);
        browser.findElement(By.id("amount")).sendKeys("1.00");
        click(By.cssSelector("#invoice-search button[type=submit]"));
        assertThat(text("#invoices")).contains("No invoices found.");
        browser.findElement(By.id("amount")).clear();
        click(By.cssSelector("#invoice-search button[type=submit]"));
        assertThat(text("#invoices")).contains(number);
        String pdf = browser.findElement(By.linkText("PDF")).getAttribute("href");
        assertThat(pdf).matches(".*/invoices/\\d+/pdf");
        click(By.linkText("Dashboard"));
        assertThat(text("#count-total")).isEqualTo("1");
        assertThat(text("#count-active")).isEqualTo("1");
    }

    @Test
    void declinedCardShowsTheFailureAndKeepsTheCart() {
        var customer = fixtures.customer();
        signIn(customer.ownerEmail());
        click(By.linkText("Purchases"));
        shot("purchases");
        addToCart("new", "standard", "10", "0");
        click(By.id("proceed"));
        fillCard(SandboxPaymentGateway.DECLINE);
        click(By.id("pay"));
        assertThat(text("#order-status")).contains("Payment failed").contains("declined");
        shot("order-declined");
        click(By.id("try-again"));
        assertThat(text("#order-lines")).contains("Standard, 10 extensions");
    }

    @Test
    void profileChangePasswordAsksBeforeSendingTheLink() {
        var customer = fixtures.customer();
        signIn(customer.ownerEmail());
        toggle(By.id("account-management"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.linkText("Profile settings")));
        click(By.linkText("Profile settings"));
        assertThat(browser.findElement(By.id("ro-companyName")).getAttribute("readonly")).isNotNull();
        shot("profile");
        toggle(By.id("change-password"));
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.elementToBeClickable(By.id("send-link")));
        shot("profile-confirm");
        click(By.id("send-link"));
        assertThat(text("#notice")).contains("We sent a password reset link");
        assertThat(linkPath(lastMailTo(customer.ownerEmail()))).startsWith("/password/reset?token=");
    }

    @Test
    void invitedSubAccountVerifiesSetsItsPasswordAndSignsIn() throws Exception {
        var customer = fixtures.customer();
        signIn(customer.ownerEmail());
        browser.get(url("/subaccounts"));
        toggle(By.id("create-account-button"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        String email = "browser." + System.nanoTime() + "@example.com";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("firstName")).sendKeys("Barbara");
        browser.findElement(By.id("lastName")).sendKeys("Liskov");
        new Select(browser.findElement(By.id("role"))).selectByValue("purchaser");
        click(By.id("submit-account"));
        assertThat(text("#accounts")).contains(email).contains("unverified");
        shot("subaccounts");
        signOut();

        browser.get(url(linkPath(lastMailTo(email))));
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("confirm")).sendKeys(PASSWORD);
        click(By.cssSelector("button[type=submit]"));
        signIn(email);
        assertThat(text("#side-menu")).contains("Purchases").doesNotContain("Sub account settings");
        signOut();
    }

    @Test
    void ownerSetsUpTwoStepSignInAndSeesTheDashboardCountsOfSeededLicenses() {
        var customer = fixtures.customer();
        fixtures.license(customer.id(), "standard", 10, 200, "active");
        fixtures.license(customer.id(), "standard", 10, 10, "active");
        fixtures.license(customer.id(), "enterprise", 50, -3, "active");
        policy.setRequired(true);
        try {
            browser.manage().deleteAllCookies();
            browser.get(url("/login"));
            browser.findElement(By.id("username")).sendKeys(customer.ownerEmail());
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            click(By.cssSelector("button[type=submit]"));
            byte[] secret = Base32.decode(text("#mfa-secret"));
            shot("mfa-setup");
            browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now())));
            click(By.id("confirm-mfa"));
            assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
            shot("mfa-recovery-codes");
            click(By.id("mfa-done"));
            assertThat(text("#count-total")).isEqualTo("3");
            assertThat(text("#count-active")).isEqualTo("2");
            assertThat(text("#count-expiring")).isEqualTo("1");
            assertThat(text("#count-expired")).isEqualTo("1");
            shot("dashboard-counts");
            signOut();

            browser.findElement(By.id("username")).sendKeys(customer.ownerEmail());
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            click(By.cssSelector("button[type=submit]"));
            browser.findElement(By.id("code")).sendKeys(Totp.code(secret, Totp.step(Instant.now()) + 1));
            shot("mfa-verify");
            click(By.id("verify"));
            assertThat(text("#count-total")).isEqualTo("3");
        } finally {
            policy.setRequired(false);
        }
    }

    @Test
    void staffCreateACustomerAndSeeTheCatalog() {
        signIn("owner@carillon.local");
        click(By.linkText("Customers"));
        click(By.id("new-customer"));
        String userId = "browser" + System.nanoTime();
        browser.findElement(By.id("companyName")).sendKeys("Browser Carrier AG");
        browser.findElement(By.id("userId")).sendKeys(userId);
        new Select(browser.findElement(By.id("tier"))).selectByValue("carrier_partner");
        WebElement discount = browser.findElement(By.id("discountPercent"));
        discount.clear();
        discount.sendKeys("15");
        browser.findElement(By.id("country")).sendKeys("CH");
        browser.findElement(By.id("ownerEmail")).sendKeys("not an email");
        browser.findElement(By.id("ownerFirstName")).sendKeys("Grace");
        browser.findElement(By.id("ownerLastName")).sendKeys("Hopper");
        click(By.id("save-customer"));
        assertThat(text("#customer-form")).contains("Enter the owner's email address.");
        shot("customer-form-error");
        WebElement email = browser.findElement(By.id("ownerEmail"));
        email.clear();
        email.sendKeys(userId + "@example.com");
        click(By.id("save-customer"));
        assertThat(text("#notice")).contains("Customer created");
        assertThat(text("#content")).contains("unverified");
        click(By.linkText("Customers"));
        browser.findElement(By.id("q")).sendKeys("browser carrier");
        click(By.cssSelector("form[role=search] button"));
        assertThat(text("#customers")).contains("Browser Carrier AG").contains("Carrier partner").contains("15.00 %");
        shot("customers");
        click(By.linkText("Catalog"));
        assertThat(text("#content")).contains("Multi-Tenant").contains("never discounted");
        shot("catalog");
        signOut();
    }

    @Test
    void forgottenPasswordIsResetByTheEmailedLink() {
        var customer = fixtures.customer();
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        click(By.id("forgot-link"));
        browser.findElement(By.id("email")).sendKeys(customer.ownerEmail());
        click(By.cssSelector("button[type=submit]"));
        assertThat(text("#reset-sent")).isNotBlank();
        browser.get(url(linkPath(lastMailTo(customer.ownerEmail()))));
        String fresh = "another good passphrase 2026";
        browser.findElement(By.id("password")).sendKeys(fresh);
        browser.findElement(By.id("confirm")).sendKeys(fresh);
        click(By.cssSelector("button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        // A fresh session: the platform's SessionValidityFilter ends sessions *created* before a password change, and
        // sign-in keeps the pre-login session (its id changes, its creation time does not), so signing in within the
        // session that asked for the reset is ended at once. Reported to the lead (platform); remove when fixed.
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(customer.ownerEmail());
        browser.findElement(By.id("password")).sendKeys(fresh);
        click(By.cssSelector("button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("side-menu")));
        assertThat(text("#content h1")).isEqualTo("Dashboard");
    }

    @Test
    void everyCustomerPageFitsAPhoneWidthWithTheSideMenuHiddenUntilAsked() {
        var customer = fixtures.customer();
        signIn(customer.ownerEmail());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("localStorage.removeItem('carillon.sidebarHidden')"); // the user has not chosen yet
        ChromiumDriver cdp = (ChromiumDriver) browser;
        // a 375 px phone: a "mobile" viewport zooms out to show whatever is wider, so the document's width is the
        // width the page needs
        cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            for (String path : List.of("/", "/license-history", "/licenses", "/purchases", "/invoices", "/profile",
                    "/subaccounts", "/account/sessions", "/guides")) {
                browser.get(url(path));
                assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
                        .as("width %s needs at a phone's 375 px", path).isLessThanOrEqualTo(375);
                assertThat(browser.findElement(By.id("side-menu")).isDisplayed()).as(path).isFalse();
                shot("phone" + path.replace('/', '-'));
            }
            toggle(By.cssSelector("[data-toggle-sidebar]"));
            assertThat(browser.findElement(By.id("side-menu")).isDisplayed()).isTrue();
            assertThat(text("[data-toggle-sidebar]")).isEqualTo("Hide side menu");
        } finally {
            cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            js.executeScript("localStorage.removeItem('carillon.sidebarHidden')");
        }
    }

    private void signIn(String email) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        click(By.cssSelector("button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("side-menu")));
    }

    private void signOut() {
        click(By.id("sign-out"));
    }

    private void addToCart(String kind, String edition, String extensions, String extraYears) {
        new Select(browser.findElement(By.id("kind"))).selectByValue(kind);
        new Select(browser.findElement(By.id("edition"))).selectByValue(edition);
        new Select(browser.findElement(By.id("extensions"))).selectByValue(extensions);
        new Select(browser.findElement(By.id("extraYears"))).selectByValue(extraYears);
        click(By.id("add-to-cart"));
    }

    private void fillCard(String number) {
        WebElement address = browser.findElement(By.id("billingAddress"));
        address.clear();
        address.sendKeys("Hauptstr. 1, 10115 Berlin, DE");
        browser.findElement(By.id("cardNumber")).sendKeys(number);
        browser.findElement(By.id("cardExpiry")).sendKeys("12/39");
        browser.findElement(By.id("cardCvc")).sendKeys("123");
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    private void click(By by) {
        WebElement page = browser.findElement(By.tagName("html"));
        toggle(by);
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> isGone(page));
    }

    /**
     * Whether the old page's root element is gone. Chromium reports an element of a page being torn down either as
     * stale or, in a short window, as an "unknown error" saying the node no longer belongs to the document; both
     * mean the page was replaced.
     */
    private static boolean isGone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks something that changes the page in place (collapse, dialog). */
    private void toggle(By by) {
        WebElement element = browser.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
