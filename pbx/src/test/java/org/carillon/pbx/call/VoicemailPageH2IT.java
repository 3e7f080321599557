package org.carillon.pbx.call;

import org.carillon.pbx.feature.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, the voicemail page in a real headless Chromium: a message left by baresip is listed for its mailbox's
 * user (caller, new), plays in the page's audio element, is marked heard and deleted (after the confirmation); a
 * greeting is uploaded through the page;
 * the Owner, who has no extension, sees no mailbox and cannot fetch the message's audio, but changes the mailbox's
 * settings from the extension's page (a field error shown beside the field first).
 */
class VoicemailPageH2IT extends CallH2Context {

    @Test
    void theUserListsPlaysMarksAndDeletesTheirMessageInChromiumAndTheOwnerCannotReachIt() throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext b = Calls.newExtension(this); // not registered: the call goes to voicemail at once
        setWebPassword(b.email());
        apiAs(b.email()).patch("/api/v1/extensions/" + b.number() + "/voicemail", "{\"instructions\": false}");
        JsonNode message = Calls.leaveMessage(this, dataDir(), a, b);
        String id = message.path("id").asString();
        assertThat(api().bytes("/api/v1/extensions/" + b.number() + "/voicemail/messages/" + id + "/audio").status())
                .as("the Owner cannot fetch another user's message").isEqualTo(404);
        String base = "http://127.0.0.1:" + httpPort();

        try (Chromium chromium = Chromium.start()) {
            WebDriver browser = chromium.driver();
            chromium.signIn(base, b.email(), USER_PASSWORD);
            browser.get(base + "/voicemail");
            WebElement row = browser.findElement(By.cssSelector("tr[data-message-id='" + id + "']"));
            assertThat(row.findElement(By.cssSelector(".caller")).getText()).isEqualTo(a.number());
            assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("New");
            chromium.shot("voicemail-list");

            // the audio element loads and plays the WAV from the server
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("document.querySelector(\"tr[data-message-id='" + id + "'] audio\").play();");
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((Number) js.executeScript(
                    "return document.querySelector(\"tr[data-message-id='" + id + "'] audio\").currentTime;"))
                    .doubleValue() > 0.3);
            Number duration = (Number) js.executeScript(
                    "return document.querySelector(\"tr[data-message-id='" + id + "'] audio\").duration;");
            assertThat(duration.doubleValue() * 1000).isCloseTo(message.path("durationMillis").asDouble(),
                    org.assertj.core.data.Offset.offset(100.0));

            browser.findElement(By.cssSelector("tr[data-message-id='" + id + "'] button.mark")).click();
            settled(browser).until(d -> d.findElement(By.cssSelector("tr[data-message-id='" + id + "'] .status"))
                    .getText().equals("Heard"));
            assertThat(Calls.awaitMessage(this, b).path("heard").asBoolean()).isTrue();

            browser.findElement(By.cssSelector("tr[data-message-id='" + id + "'] button.delete")).click();
            browser.switchTo().alert().accept();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("no-messages"))
                    .isEmpty());
            chromium.shot("voicemail-deleted");
            assertThat(apiAs(b.email()).get("/api/v1/extensions/" + b.number() + "/voicemail/messages").json()
                    .size()).isZero();

            // a greeting uploaded from the page (multipart form with its CSRF token)
            java.nio.file.Path greeting = java.nio.file.Files.createTempFile("greeting", ".wav");
            Signals.write(greeting, Signals.melody(new double[]{440, 880}, 500, 0.3));
            browser.findElement(By.id("greeting-name")).sendKeys(greeting.toString());
            WebElement upload = browser.findElement(By.id("greeting-name")).findElement(By.xpath("./ancestor::form"))
                    .findElement(By.cssSelector("button[type=submit]"));
            js.executeScript("arguments[0].scrollIntoView({block: 'center'});", upload);
            upload.click();
            settled(browser).until(d -> d.findElement(By.id("notice")).getText().contains("Greeting saved"));
            assertThat(apiAs(b.email()).get("/api/v1/extensions/" + b.number() + "/voicemail").json()
                    .path("greetings").path("name").asBoolean()).isTrue();

            chromium.signIn(base, OWNER, OWNER_PASSWORD);
            browser.get(base + "/voicemail");
            assertThat(browser.findElements(By.id("no-extension"))).hasSize(1);
            // the Owner changes b's settings from the extension's "Voicemail settings" tab, without seeing messages
            browser.get(base + "/extensions/" + b.number() + "?tab=voicemail");
            browser.findElement(By.id("voicemail-settings-link")).click();
            settled(browser).until(d -> d.findElement(By.id("mailbox-number")).getText().equals(b.number()));
            assertThat(browser.findElements(By.id("messages"))).isEmpty();
            var max = browser.findElement(By.id("maxMessages"));
            max.clear();
            max.sendKeys("0");
            submitSettings(browser);
            settled(browser).until(d -> d.findElement(By.cssSelector("#maxMessages + .invalid-feedback")).getText()
                    .contains("from 1 to"));
            max = browser.findElement(By.id("maxMessages"));
            max.clear();
            max.sendKeys("42");
            submitSettings(browser);
            settled(browser).until(d -> d.findElement(By.id("notice")).getText().contains("saved"));
            assertThat(api().get("/api/v1/extensions/" + b.number() + "/voicemail").json().path("maxMessages")
                    .asInt()).isEqualTo(42);
        }
    }

    /**
     * A wait for what the page shows after a click: each click may reload the page, so an element read meanwhile can
     * be missing or go stale; both are retried until the time runs out.
     */
    private static WebDriverWait settled(WebDriver browser) {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(
                org.openqa.selenium.StaleElementReferenceException.class,
                org.openqa.selenium.NoSuchElementException.class);
    }

    private static void submitSettings(WebDriver browser) {
        WebElement save = browser.findElement(By.cssSelector("#settings-form button[type=submit]"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
    }
}
