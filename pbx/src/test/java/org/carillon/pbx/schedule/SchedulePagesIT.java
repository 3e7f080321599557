package org.carillon.pbx.schedule;

import org.carillon.pbx.feature.Chromium;
import org.carillon.pbx.feature.FeatureH2Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule editors of issue 12 in a real headless Chromium: the weekly grid by mouse (drag) and by keyboard
 * (arrows, Space, Shift+arrow), the holiday list with an audio upload, and the profile switch on the user's page.
 */
class SchedulePagesIT extends FeatureH2Context {
    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();
    private final Chromium chromium = CHROMIUM.chromium();
    private final WebDriver browser = CHROMIUM.driver();

    private String base() {
        return "http://127.0.0.1:" + httpPort();
    }

    private WebElement cell(String kind, String day, int slot) {
        return browser.findElement(By.cssSelector("table[data-kind='" + kind + "'] td[data-day='" + day
                + "'][data-slot='" + slot + "']"));
    }

    /** Scrolls {@code by} to the middle at once (Bootstrap scrolls smoothly, which moves targets mid-click), clicks. */
    /** The holiday's row once its text shows {@code shown}: each form posts and the page reloads, so wait for it. */
    private WebElement holidayRow(String name, String shown) {
        By row = By.cssSelector("tr[data-holiday='" + name + "']");
        return new WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElements(row).stream()
                .filter(e -> e.getText().contains(shown)).findFirst().orElse(null));
    }

    /**
     * The notice once the page the last press loaded shows {@code expected} (the previous page may still be there, or
     * going stale, when the press returns); on time-out, the notice last seen.
     */
    private String notice(String expected) {
        String[] seen = {""};
        try {
            new WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        seen[0] = d.findElements(By.id("notice")).stream().map(WebElement::getText)
                                .findFirst().orElse("");
                        return seen[0].equals(expected);
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return seen[0];
        }
        return seen[0];
    }

    /** The element once the page that the last press loaded shows it. */
    private WebElement shown(By by) {
        return new WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private void press(By by) {
        WebElement e = browser.findElement(by);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
        e.click();
    }

    private String box(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    @Test
    void theGlobalGridIsEditedByMouseAndKeyboardAndHolidaysTakeAudio() throws IOException {
        api().delete("/api/v1/schedule/override");
        api().put("/api/v1/schedule", """
                {"officeHours": {}, "breakHours": {}, "nonOfficeHoursAction": {"type": "voicemail", "target": ""},
                 "breakTimeAction": {"type": "voicemail", "target": ""}}""");
        chromium.signIn(base(), OWNER, OWNER_PASSWORD);
        browser.get(base() + "/schedules");
        // mouse: drag Monday 09:00 → 11:30 (slots 18..23)
        new Actions(browser).clickAndHold(cell("officeHours", "monday", 18))
                .moveToElement(cell("officeHours", "monday", 21)).moveToElement(cell("officeHours", "monday", 23))
                .release().perform();
        assertThat(box("officeHours.monday")).isEqualTo("09:00-12:00");
        assertThat(cell("officeHours", "monday", 20).getAttribute("aria-label"))
                .isEqualTo("Monday 10:00 to 10:30, selected");
        // keyboard: from Monday 09:00 go down to Tuesday, Space, then Shift+Right three times paints to 11:00
        WebElement start = cell("officeHours", "monday", 18);
        start.sendKeys(Keys.ARROW_DOWN);
        browser.switchTo().activeElement().sendKeys(Keys.SPACE);
        for (int i = 0; i < 3; i++) {
            browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        }
        assertThat(browser.switchTo().activeElement().getAttribute("data-slot")).isEqualTo("21");
        assertThat(box("officeHours.tuesday")).isEqualTo("09:00-11:00");
        // exact minutes and midnight crossing through the box; the grid follows
        WebElement friday = browser.findElement(By.id("officeHours.friday"));
        friday.sendKeys("22:00-02:00", Keys.TAB);
        assertThat(cell("officeHours", "saturday", 3).getAttribute("aria-selected")).isEqualTo("true");
        chromium.shot("schedule-grid");
        press(By.id("save-schedule"));
        assertThat(notice("Office hours saved.")).isEqualTo("Office hours saved.");
        var saved = api().get("/api/v1/schedule").json().path("officeHours");
        assertThat(saved.path("monday").get(0).asString()).isEqualTo("09:00-12:00");
        assertThat(saved.path("tuesday").get(0).asString()).isEqualTo("09:00-11:00");
        assertThat(saved.path("friday").get(0).asString()).isEqualTo("22:00-02:00");

        // a bad span is shown beside its box
        browser.findElement(By.id("officeHours.wednesday")).sendKeys("nine to five");
        press(By.id("save-schedule"));
        chromium.shot("schedule-error");
        assertThat(browser.getPageSource()).contains("id=\"officeHours.wednesday-error\"");
        assertThat(browser.findElement(By.id("officeHours.wednesday-error")).getText()).contains("nine to five");

        // holidays: add one, upload its audio
        browser.get(base() + "/schedules");
        browser.findElement(By.id("holiday-name")).sendKeys("Browser Day");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('holiday-date').value = '2031-05-01'");
        press(By.id("holiday-yearly"));
        press(By.cssSelector("#holiday-form button[type=submit]"));
        WebElement row = holidayRow("Browser Day", "every year");
        assertThat(row.getText()).contains("2031-05-01").contains("all day").contains("every year");
        Path wav = Files.createTempFile("holiday", ".wav");
        Files.write(wav, ScheduleApiContract.toneWav());
        row.findElement(By.cssSelector("input[type=file]")).sendKeys(wav.toString());
        row.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(holidayRow("Browser Day", "uploaded").getText()).contains("uploaded");
        chromium.shot("schedule-holidays");
        var listed = api().get("/api/v1/schedule/holidays").json();
        listed.forEach(h -> {
            if (h.path("name").asString().equals("Browser Day")) {
                assertThat(h.path("audio").asBoolean()).isTrue();
                api().delete("/api/v1/schedule/holidays/" + h.path("id").asString());
            }
        });
        api().put("/api/v1/schedule", "{\"officeHours\": {}}");
    }

    @Test
    void formErrorsAreShownBesideTheirFields() {
        var web = new org.carillon.platform.testing.WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        var page = web.postForm("/schedules", java.util.Map.of("timeZone", "Europe/Berlin",
                "officeHours.wednesday", "nine to five", "nonOfficeHoursAction.type", "extension",
                "nonOfficeHoursAction.target", "12", "breakTimeAction.type", "voicemail",
                "_csrf", web.csrfToken("/schedules")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"officeHours.wednesday-error\"").contains("nine to five")
                .contains("id=\"nonOfficeHoursAction-error\"");
    }

    @Test
    void aUserSwitchesTheirProfileAndEditsTheirOwnScheduleOnTheirPage() {
        String email = uniqueEmail("page");
        String number = api().createExtension(email, "agent").text("number");
        setWebPassword(email);
        chromium.signIn(base(), email, USER_PASSWORD);
        browser.get(base() + "/my/schedule");
        press(By.cssSelector("label[for='profile-3']"));
        press(By.id("switch-profile"));
        assertThat(notice("Call profile Away is active.")).isEqualTo("Call profile Away is active.");
        assertThat(api().get("/api/v1/extensions/" + number + "/profile").text("active")).isEqualTo("away");

        press(By.id("ownHours"));
        press(By.cssSelector("table[data-kind='officeHours'] td[data-day='saturday'][data-slot='20']"));
        cell("officeHours", "saturday", 20).sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        press(By.id("save-schedule"));
        assertThat(notice("Schedule saved.")).isEqualTo("Schedule saved.");
        var s = api().get("/api/v1/extensions/" + number + "/schedule").json();
        assertThat(s.path("ownHours").asBoolean()).isTrue();
        assertThat(s.path("officeHours").path("saturday").get(0).asString()).isEqualTo("10:00-11:00");
        chromium.shot("my-schedule");
    }

    @Test
    void aUserTurnsOnTheAutomaticProfileSwitchOnTheirPageAndSeesErrorsBesideTheField() {
        String email = uniqueEmail("auto");
        String number = api().createExtension(email, "agent").text("number");
        setWebPassword(email);
        chromium.signIn(base(), email, USER_PASSWORD);
        browser.get(base() + "/my/schedule");
        assertThat(browser.findElement(By.id("auto-enabled")).isSelected()).isFalse();
        // the same profile both ways is refused beside the second list
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("auto-outsideOfficeHours")))
                .selectByValue("available");
        press(By.id("auto-enabled"));
        press(By.id("save-auto"));
        assertThat(shown(By.id("auto-outsideOfficeHours-error")).getText())
                .isEqualTo("must differ from inOfficeHours");
        assertThat(api().get("/api/v1/extensions/" + number + "/profile/automatic").json().path("enabled")
                .asBoolean()).isFalse();

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("auto-outsideOfficeHours")))
                .selectByValue("busy");
        if (!browser.findElement(By.id("auto-enabled")).isSelected()) {
            press(By.id("auto-enabled"));
        }
        press(By.id("save-auto"));
        String switched = "The profile now switches automatically: available in office hours, busy outside them.";
        assertThat(notice(switched)).isEqualTo(switched);
        var saved = api().get("/api/v1/extensions/" + number + "/profile/automatic").json();
        assertThat(saved.path("enabled").asBoolean()).isTrue();
        assertThat(saved.path("outsideOfficeHours").asString()).isEqualTo("busy");
        assertThat(browser.findElement(By.id("auto-enabled")).isSelected()).isTrue();
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("auto-outsideOfficeHours")))
                .getFirstSelectedOption().getText()).isEqualTo("busy");
    }
}
