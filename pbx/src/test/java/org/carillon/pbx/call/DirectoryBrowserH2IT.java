package org.carillon.pbx.call;

import org.carillon.pbx.feature.Chromium;
import org.carillon.pbx.feature.Sipp;
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
 * The team directory in headless Chromium, as an agent (not an admin) sees it: a colleague goes from offline to
 * available when their phone (SIPp) registers, to ringing when called and back to available when the caller gives
 * up — each over server-sent events, without a reload; the search box filters rows and a favourite sticks.
 */
class DirectoryBrowserH2IT extends CallH2Context {
    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();
    private final Chromium chromium = CHROMIUM.chromium();
    private final WebDriver browser = CHROMIUM.driver();

    private String badge(String number) {
        return browser.findElement(By.cssSelector("[data-presence-for='" + number + "']")).getText();
    }

    private void awaitBadge(String number, String label) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(() -> number + " shows " + badge(number))
                .until(d -> badge(number).equals(label));
    }

    @Test
    void theDirectoryFollowsAColleagueRegisteringAndBeingCalledWithoutAReload() throws Exception {
        String agentEmail = uniqueEmail("reader");
        api().createExtension(agentEmail, "agent");
        setWebPassword(agentEmail);
        Calls.Ext colleague = Calls.newExtension(this);
        Calls.Ext caller = Calls.newExtension(this);
        Calls.voicemailOff(this, colleague); // the refused call must end refused, not in the colleague's mailbox
        String base = "http://127.0.0.1:" + httpPort();
        chromium.signIn(base, agentEmail, USER_PASSWORD);
        browser.get(base + "/directory");
        assertThat(badge(colleague.number())).isEqualTo("Offline");
        chromium.shot("directory-offline");

        int phonePort = Sipp.freePort();
        try (SippPeer reg = SippPeer.start("register.xml", sipPort(), phonePort, List.of("-s", colleague.number(),
                "-au", colleague.username(), "-ap", colleague.password(), "-key", "expires", "600"))) {
            assertThat(reg.await()).as(reg.output()).isZero();
        }
        awaitBadge(colleague.number(), "Available");

        try (SippPeer phone = SippPeer.start("callee_rings.xml", sipPort(), phonePort, List.of()).awaitBound();
             SippPeer call = SippPeer.start("caller_refused.xml", sipPort(), Sipp.freePort(), List.of("-s",
                     colleague.number(), "-au", caller.username(), "-ap", caller.password(), "-key", "caller",
                     caller.number()))) {
            awaitBadge(colleague.number(), "Ringing");
            chromium.shot("directory-ringing");
            assertThat(call.await()).as(call.output()).isZero();
            assertThat(phone.await()).as(phone.output()).isZero();
        }
        awaitBadge(colleague.number(), "Available");

        WebElement search = browser.findElement(By.id("directory-q"));
        search.sendKeys(colleague.number());
        List<WebElement> shown = browser.findElements(By.cssSelector("tr[data-member]")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).extracting(r -> r.getAttribute("data-member")).containsExactly(colleague.number());

        browser.findElement(By.cssSelector("tr[data-member='" + colleague.number() + "'] form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(
                By.cssSelector("tr[data-member='" + colleague.number() + "'] form button")).getText().equals("★"));
        assertThat(apiAs(agentEmail).get("/api/v1/directory?favourites=true").body())
                .contains("\"number\":\"" + colleague.number() + "\"").contains("\"favourite\":true")
                .doesNotContain("\"number\":\"" + caller.number() + "\"");
    }
}
