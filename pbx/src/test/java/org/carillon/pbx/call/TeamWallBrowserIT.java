package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.feature.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor wall in a real headless Chromium updates live over server-sent events, without a reload: an agent's
 * state changed through the API, a SIPp caller waiting in the queue, then hanging up (abandoned today: 1), and a
 * supervisor's state change from the wall's own form. Also the admin pages at a 375 px phone width: nothing wider
 * than the screen, the side menu hidden until asked.
 */
class TeamWallBrowserIT extends CallH2Context {
    @RegisterExtension
    static final Chromium.PerClass CHROMIUM = new Chromium.PerClass();
    private final Chromium chromium = CHROMIUM.chromium();
    private final WebDriver browser = CHROMIUM.driver();

    private String field(String team, String name) {
        return browser.findElement(By.cssSelector("[data-wall='" + team + "'] [data-field='" + name + "']")).getText();
    }

    private String agentState(String team, String ext) {
        return browser.findElement(By.cssSelector("[data-wall='" + team + "'] tr[data-agent='" + ext
                + "'] [data-field='state']")).getText();
    }

    @Test
    void theWallFollowsAgentsAndWaitingCallersLive() throws Exception {
        Calls.Ext agent = Calls.newExtension(this);
        Calls.Ext caller = Calls.newExtension(this);
        var r = api().post("/api/v1/teams", "{\"name\":\"Wall team\",\"strategy\":\"ring_all\",\"members\":[\""
                + agent.number() + "\"],\"maxWaitSeconds\":60}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String team = r.text("number");
        for (int i = 0; i < 7; i++) { // more teams than a browser opens connections to one host (six)
            var other = api().post("/api/v1/teams", "{\"name\":\"Wall neighbour " + i + "\",\"strategy\":\"hunt\","
                    + "\"members\":[\"" + agent.number() + "\"],\"maxWaitSeconds\":60}");
            assertThat(other.status()).as(other.body()).isEqualTo(201);
        }
        String base = "http://127.0.0.1:" + httpPort();
        chromium.signIn(base, OWNER, OWNER_PASSWORD);
        browser.get(base + "/teams/wall");
        assertThat(agentState(team, agent.number())).startsWith("Ready");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30)); // a loaded CI machine is slow
        wait.until(d -> "on".equals(d.findElement(By.cssSelector("[data-wall='" + team + "']"))
                .getDomAttribute("data-live"))); // the stream is open: what follows arrives live

        api().send("PUT", "/api/v1/agents/" + agent.number() + "/state", "{\"state\":\"break\",\"auxCode\":\"lunch\"}");
        wait.until(d -> agentState(team, agent.number()).equals("On break (lunch)"));

        try (SippPeer call = SippPeer.start("caller.xml", sipPort(), TestPorts.udp(), List.of("-s", team, "-au",
                caller.username(), "-ap", caller.password(), "-key", "caller", caller.number(), "-d", "4000"))) {
            wait.until(d -> field(team, "waitingCount").equals("1"));
            assertThat(browser.findElement(By.cssSelector("[data-wall='" + team + "'] [data-field='waiting']"))
                    .getText()).contains(caller.number());
            chromium.shot("team-wall-waiting");
            assertThat(call.await()).as(call.output()).isZero();
        }
        wait.until(d -> field(team, "waitingCount").equals("0") && field(team, "abandonedToday").equals("1"));

        // the supervisor sets the agent ready from the wall itself
        var row = browser.findElement(By.cssSelector("[data-wall='" + team + "'] tr[data-agent='" + agent.number()
                + "']"));
        new org.openqa.selenium.support.ui.Select(row.findElement(By.name("state"))).selectByValue("ready");
        row.findElement(By.tagName("form")).submit();
        wait.until(d -> agentState(team, agent.number()).startsWith("Ready"));
        assertThat(api().get("/api/v1/agents/" + agent.number()).text("state")).isEqualTo("ready");
        chromium.shot("team-wall");
    }
    @Test
    void adminPagesFitAPhoneWidthWithTheSideMenuHiddenUntilAsked() {
        Calls.Ext agent = Calls.newExtension(this);
        var r = api().post("/api/v1/teams", "{\"name\":\"Phone team\",\"strategy\":\"hunt\",\"members\":[\""
                + agent.number() + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String team = r.text("number");
        String base = "http://127.0.0.1:" + httpPort();
        chromium.signIn(base, OWNER, OWNER_PASSWORD);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("localStorage.removeItem('carillon.sidebarHidden')"); // the user has not chosen yet
        chromium.phoneWidth(true);
        try {
            for (String path : List.of("/", "/extensions", "/teams", "/teams/" + team + "/report", "/teams/wall",
                    "/calls", "/directory", "/account/sessions", "/my/schedule")) {
                browser.get(base + path);
                assertThat(chromium.pageWidth()).as("width %s needs at a phone's 375 px", path)
                        .isLessThanOrEqualTo(375);
                assertThat(browser.findElement(By.id("side-menu")).isDisplayed()).as(path).isFalse();
                chromium.shot("phone" + path.replace('/', '-'));
            }
            browser.findElement(By.cssSelector("[data-toggle-sidebar]")).click();
            assertThat(browser.findElement(By.id("side-menu")).isDisplayed()).isTrue();
        } finally {
            chromium.phoneWidth(false);
            js.executeScript("localStorage.removeItem('carillon.sidebarHidden')");
            api().delete("/api/v1/teams/" + team);
        }
    }
}
