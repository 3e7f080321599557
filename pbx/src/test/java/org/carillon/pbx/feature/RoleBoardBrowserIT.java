package org.carillon.pbx.feature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's role board in a real headless Chromium: a card dragged with the mouse into another role's column, the
 * same from the keyboard (arrow keys on the focused card; the card's role select and Move), a change made elsewhere
 * moving the card live, and the server refusing what the user may not do (a Manager making an Owner).
 */
class RoleBoardBrowserIT extends FeatureH2Context {
    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();
    private final Chromium chromium = CHROMIUM.chromium();
    private final WebDriver browser = CHROMIUM.driver();

    private WebElement card(String number) {
        return browser.findElement(By.id("card-" + number));
    }

    /** The role of the column the card sits in now. */
    private String columnOf(String number) {
        return card(number).findElement(By.xpath("./ancestor::ul[contains(@class,'role-drop')]"))
                .getAttribute("data-role");
    }

    private void awaitColumn(String number, String role) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .withMessage(() -> "card " + number + " in column " + columnOf(number) + ", not " + role)
                .until(d -> columnOf(number).equals(role));
    }

    private String roleOf(String number) {
        return api().get("/api/v1/extensions/" + number).text("role");
    }

    private void openBoard(String email, String password) {
        chromium.signIn(httpPort(), email, password);
        browser.get("http://127.0.0.1:" + httpPort() + "/roles");
    }

    @Test
    void anOwnerDragsACardWithTheMouseIntoAnotherRole() {
        String number = api().createExtension(uniqueEmail("drag"), "agent").text("number");
        openBoard(OWNER, OWNER_PASSWORD);
        assertThat(columnOf(number)).isEqualTo("agent");
        chromium.shot("roles-before-drag");
        WebElement target = browser.findElement(By.cssSelector(".role-drop[data-role='manager']"));
        // the mouse really picks the card up: the page sees the drag start on it
        ((JavascriptExecutor) browser).executeScript("window.dragStarted = null; arguments[0].addEventListener("
                + "'dragstart', (e) => { window.dragStarted = e.target.id; });", card(number));
        chromium.dragAndDrop(card(number), target, Map.of("text/plain", number));
        awaitColumn(number, "manager");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.dragStarted;"))
                .isEqualTo("card-" + number);
        chromium.shot("roles-after-drag");
        assertThat(roleOf(number)).isEqualTo("manager");
        assertThat(browser.findElement(By.id("board-status")).getText()).contains("is now Manager");
    }

    @Test
    void theKeyboardMovesACardWithArrowKeysAndWithTheRoleSelect() {
        String number = api().createExtension(uniqueEmail("keys"), "agent").text("number");
        openBoard(OWNER, OWNER_PASSWORD);
        WebElement card = card(number);
        // the card is in the tab order; focus it directly rather than tabbing past every other card
        assertThat(card.getAttribute("tabindex")).isEqualTo("0");
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", card);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("card-" + number);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        awaitColumn(number, "supervisor");
        assertThat(roleOf(number)).isEqualTo("supervisor");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus stays on the card")
                .isEqualTo("card-" + number);
        // the select and Move, by keyboard only: Tab into the select, pick Agent, Tab to Move, Enter
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement select = browser.switchTo().activeElement();
        assertThat(select.getAttribute("id")).isEqualTo("role-" + number);
        select.sendKeys("Agent");
        assertThat(new Select(select).getFirstSelectedOption().getText()).isEqualTo("Agent");
        select.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitColumn(number, "agent");
        chromium.shot("roles-keyboard");
        assertThat(roleOf(number)).isEqualTo("agent");
    }

    @Test
    void aChangeMadeElsewhereMovesTheCardLiveAndAManagerCannotMakeAnOwner() {
        String number = api().createExtension(uniqueEmail("live"), "agent").text("number");
        String manager = uniqueEmail("boardmgr");
        api().createExtension(manager, "manager");
        setWebPassword(manager);
        openBoard(manager, USER_PASSWORD);
        assertThat(api().patch("/api/v1/extensions/" + number, "{\"role\":\"supervisor\"}").status()).isEqualTo(200);
        awaitColumn(number, "supervisor");
        WebElement target = browser.findElement(By.cssSelector(".role-drop[data-role='owner']"));
        chromium.dragAndDrop(card(number), target, Map.of("text/plain", number));
        WebElement error = browser.findElement(By.id("board-error"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> error.isDisplayed());
        chromium.shot("roles-refused");
        assertThat(error.getText()).contains("Only an Owner");
        assertThat(columnOf(number)).isEqualTo("supervisor");
        assertThat(roleOf(number)).isEqualTo("supervisor");
    }
}
