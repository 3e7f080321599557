package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.feature.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Parking page in headless Chromium as the Owner (issue 10): slot 704 goes free → occupied (who, by whom, the
 * Retrieve hint) when a SIPp phone parks its caller there, and back to free when another phone dials 704 — over
 * server-sent events, without a reload; a timeout out of range is shown beside its field on the lot's form and nothing
 * is saved; a second lot is added on the form (a clash shown beside its field first) and its slots appear.
 */
class ParkingPageBrowserH2IT extends CallH2Context {
    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();
    private final Chromium chromium = CHROMIUM.chromium();
    private final WebDriver browser = CHROMIUM.driver();

    private String cell(String slot, String field) {
        return browser.findElement(By.cssSelector("tr[data-slot='" + slot + "'] [data-field='" + field + "']"))
                .getText();
    }

    private void awaitState(String slot, String state) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> slot + " shows " + cell(slot, "state"))
                .until(d -> cell(slot, "state").equals(state));
    }

    @Test
    void aSlotGoesOccupiedThenFreeWithoutAReloadAndABadTimeoutIsShownBesideItsField() throws Exception {
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext c = Calls.newExtension(this);
        String base = "http://127.0.0.1:" + httpPort();
        chromium.signIn(base, OWNER, OWNER_PASSWORD);
        browser.get(base + "/");
        browser.findElement(By.id("menu-parking")).getAttribute("href"); // in the side menu of an admin
        browser.get(base + "/parking");
        assertThat(browser.findElements(By.cssSelector("tr[data-slot]"))).hasSize(20);
        assertThat(cell("704", "state")).isEqualTo("free");
        // the page marks itself loaded: a reload would lose this, so the row must change in place
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

        SippPeer parked;
        try (SippPeer parker = SippPeer.start("callee_transfers.xml", sipPort(), bPort,
                List.of("-d", "300", "-key", "target", "704")).awaitBound()) {
            parked = SippPeer.start("caller_waits.xml", sipPort(), TestPorts.udp(), List.of("-s", b.number(),
                    "-au", a.username(), "-ap", a.password(), "-key", "caller", a.number()));
            assertThat(parker.await()).as(parker.output()).isZero();
        }
        try (parked) {
            awaitState("704", "occupied");
            assertThat(cell("704", "parked")).isEqualTo(a.number());
            assertThat(cell("704", "parker")).isEqualTo(b.number());
            assertThat(cell("704", "since")).isNotEmpty();
            assertThat(cell("704", "retrieve")).isEqualTo("dial 704");
            assertThat(browser.findElement(By.cssSelector("[data-lot] [data-field='occupied']")).getText())
                    .as("the default lot's count, live").isEqualTo("1 of 20");
            chromium.shot("parking-occupied");
            try (SippPeer retriever = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", "704",
                    "-au", c.username(), "-ap", c.password(), "-key", "caller", c.number(), "-d", "500"))) {
                assertThat(retriever.await()).as(retriever.output()).isZero();
            }
            assertThat(parked.await()).as(parked.output()).isZero();
        }
        awaitState("704", "free");
        assertThat(cell("704", "parked")).isEmpty();
        assertThat(cell("704", "retrieve")).isEmpty();
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.notReloaded;"))
                .isEqualTo(true);

        browser.findElement(By.cssSelector("[data-edit-lot]")).click(); // the default lot's Edit
        WebElement timeout = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("timeout-seconds")));
        timeout.clear();
        timeout.sendKeys("0");
        browser.findElement(By.cssSelector("#parking-lot button[type=submit]")).click();
        String error = new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("timeout-seconds-error")).getText());
        assertThat(error).isEqualTo("must be from 1 to 86400 seconds");
        assertThat(browser.findElement(By.id("timeout-seconds")).getAttribute("class")).contains("is-invalid");
        assertThat(api().get("/api/v1/parking/settings").json().path("timeoutSeconds").asInt())
                .isEqualTo(PARK_TIMEOUT_SECONDS);
        chromium.shot("parking-error");
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    @Test
    void aSecondLotIsAddedOnTheFormWithAClashShownBesideItsFieldAndItsSlotsAppearOnThePage() {
        String base = "http://127.0.0.1:" + httpPort();
        chromium.signIn(base, OWNER, OWNER_PASSWORD);
        browser.get(base + "/parking");
        browser.findElement(By.id("add-lot")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("parking-lot")));
        fill("name", "Loading dock");
        fill("parkNumber", "760");
        fill("firstSlot", "715");
        fill("lastSlot", "725");
        browser.findElement(By.cssSelector("#parking-lot button[type=submit]")).click();
        String clash = new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("firstSlot-error")).getText());
        assertThat(clash).isEqualTo("Slot 715 is a slot of the parking lot Main (701–720).");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("kept").isEqualTo("Loading dock");
        chromium.shot("parking-lot-clash");
        fill("firstSlot", "761");
        fill("lastSlot", "765");
        browser.findElement(By.cssSelector("#parking-lot button[type=submit]")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("notice")).getText().contains("Loading dock"));
            assertThat(browser.findElements(By.cssSelector("[data-lot]"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("tr[data-slot]"))).hasSize(25);
            assertThat(cell("763", "state")).isEqualTo("free");
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "document.querySelectorAll('[data-lot]')[1].scrollIntoView();");
            chromium.shot("parking-lots");
        } finally {
            for (var lot : api().get("/api/v1/parking/lots").json()) {
                if (!lot.path("default").asBoolean()) {
                    api().delete("/api/v1/parking/lots/" + lot.path("id").asLong());
                }
            }
        }
    }
}
