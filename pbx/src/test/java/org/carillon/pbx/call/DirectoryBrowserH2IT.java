package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.feature.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team directory in headless Chromium, as an agent (not an admin) sees it: a colleague goes from offline to
 * available when their phone (SIPp) registers, to ringing when called and back to available when the caller gives
 * up — each over server-sent events, without a reload; the search box filters rows and a favourite sticks; choosing a
 * team narrows the list to its members, and the API refuses a team that does not exist; a member's Call button rings
 * the user's own phone, then the member's (click-to-call), and a user without a phone is told so beside the list.
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
        WebElement box = browser.findElement(By.id("directory-q"));
        box.sendKeys(colleague.number()); // filters the page's rows while typing; Enter searches all (paged) rows
        box.submit();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("q=" + colleague.number()));
        assertThat(badge(colleague.number())).isEqualTo("Offline");
        chromium.shot("directory-offline");

        int phonePort = TestPorts.udp();
        try (SippPeer reg = SippPeer.start("register.xml", sipPort(), phonePort, List.of("-s", colleague.number(),
                "-au", colleague.username(), "-ap", colleague.password(), "-key", "expires", "600"))) {
            assertThat(reg.await()).as(reg.output()).isZero();
        }
        awaitBadge(colleague.number(), "Available");

        try (SippPeer phone = SippPeer.start("callee_rings.xml", sipPort(), phonePort, List.of()).awaitBound();
             SippPeer call = SippPeer.start("caller_refused.xml", sipPort(), TestPorts.udp(), List.of("-s",
                     colleague.number(), "-au", caller.username(), "-ap", caller.password(), "-key", "caller",
                     caller.number()))) {
            awaitBadge(colleague.number(), "Ringing");
            chromium.shot("directory-ringing");
            assertThat(call.await()).as(call.output()).isZero();
            assertThat(phone.await()).as(phone.output()).isZero();
        }
        awaitBadge(colleague.number(), "Available");

        WebElement search = browser.findElement(By.id("directory-q"));
        search.clear();
        search.sendKeys(colleague.number());
        List<WebElement> shown = browser.findElements(By.cssSelector("tr[data-member]")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).extracting(r -> r.getAttribute("data-member")).containsExactly(colleague.number());

        browser.findElement(By.cssSelector("tr[data-member='" + colleague.number() + "'] form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> d.findElement(
                By.cssSelector("tr[data-member='" + colleague.number() + "'] form button")).getText().equals("★"));
        assertThat(apiAs(agentEmail).get("/api/v1/directory?favourites=true").body())
                .contains("\"number\":\"" + colleague.number() + "\"").contains("\"favourite\":true")
                .doesNotContain("\"number\":\"" + caller.number() + "\"");
    }

    @Test
    void choosingATeamNarrowsTheDirectoryToItsMembersAndStaysLive() throws Exception {
        String agentEmail = uniqueEmail("teamreader");
        api().createExtension(agentEmail, "agent");
        setWebPassword(agentEmail);
        Calls.Ext member = Calls.newExtension(this);
        Calls.Ext outsider = Calls.newExtension(this);
        var created = api().post("/api/v1/teams", "{\"name\":\"Filter " + member.number()
                + "\",\"strategy\":\"hunt\",\"members\":[\"" + member.number()
                + "\"],\"ringSeconds\":10,\"maxWaitSeconds\":60}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String team = created.text("number");

        String base = "http://127.0.0.1:" + httpPort();
        chromium.signIn(base, agentEmail, USER_PASSWORD);
        browser.get(base + "/directory?q=" + outsider.number());
        assertThat(browser.findElements(By.cssSelector("tr[data-member='" + outsider.number() + "']"))).hasSize(1);
        browser.findElement(By.id("directory-q")).clear(); // the team is chosen over everyone, not this search
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("directory-team"))).selectByValue(team);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("team=" + team));
        List<String> shown = browser.findElements(By.cssSelector("tr[data-member]")).stream()
                .map(r -> r.getAttribute("data-member")).toList();
        assertThat(shown).containsExactly(member.number());
        chromium.shot("directory-team");

        int phonePort = TestPorts.udp();
        try (SippPeer reg = SippPeer.start("register.xml", sipPort(), phonePort, List.of("-s", member.number(),
                "-au", member.username(), "-ap", member.password(), "-key", "expires", "600"))) {
            assertThat(reg.await()).as(reg.output()).isZero();
        }
        awaitBadge(member.number(), "Available"); // the narrowed list still follows presence

        assertThat(apiAs(agentEmail).get("/api/v1/directory?team=" + team).json()).hasSize(1);
        var unknown = apiAs(agentEmail).get("/api/v1/directory?team=6999");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"team\"").contains("There is no team 6999.");
        browser.get(base + "/directory?team=6999");
        assertThat(browser.findElement(By.id("directory-team-error")).getText()).isEqualTo("There is no team 6999.");
    }

    @Test
    void theCallButtonRingsTheUsersPhoneThenTheColleagues() throws Exception {
        int uPort = TestPorts.udp();
        int tPort = TestPorts.udp();
        Calls.Ext user = Calls.registeredSipp(this, uPort);
        Calls.Ext colleague = Calls.registeredSipp(this, tPort);
        Calls.Ext phoneless = Calls.newExtension(this);
        setWebPassword(user.email());
        setWebPassword(phoneless.email());
        String base = "http://127.0.0.1:" + httpPort();
        By callButton = By.cssSelector("tr[data-member='" + colleague.number() + "'] [data-call]");

        chromium.signIn(base, phoneless.email(), USER_PASSWORD);
        browser.get(base + "/directory?q=" + colleague.number());
        browser.findElement(callButton).click();
        WebElement status = browser.findElement(By.id("directory-call-status"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> status.isDisplayed());
        assertThat(status.getText()).isEqualTo("Extension " + phoneless.number()
                + " has no registered phone to ring first.");

        chromium.signIn(base, user.email(), USER_PASSWORD);
        browser.get(base + "/directory?q=" + user.number());
        assertThat(browser.findElements(By.cssSelector("tr[data-member='" + user.number() + "']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("tr[data-member='" + user.number() + "'] [data-call]")))
                .as("no Call button on one's own row").isEmpty();
        browser.get(base + "/directory?q=" + colleague.number());
        assertThat(api().get("/api/v1/extensions/" + colleague.number()).body())
                .as("the colleague's phone is still registered").contains("127.0.0.1:" + tPort);
        try (SippPeer usersPhone = SippPeer.start("callee.xml", sipPort(), uPort, List.of()).awaitBound();
             SippPeer colleaguesPhone = SippPeer.start("callee_hangs_up.xml", sipPort(), tPort,
                     List.of("-d", "500")).awaitBound()) {
            browser.findElement(callButton).click();
            WebElement ringing = browser.findElement(By.id("directory-call-status"));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ringing.getText().startsWith("Your phone"));
            chromium.shot("directory-click-to-call");
            int colleagueExit = colleaguesPhone.await();
            int userExit = usersPhone.await();
            // on failure, say what the PBX made of the call (its history row) beside what each phone saw
            java.util.function.Supplier<String> seen = () -> "user's phone:\n" + usersPhone.output()
                    + "\ncolleague's phone:\n" + colleaguesPhone.output() + "\ncalls of " + user.number() + ": "
                    + api().get("/api/v1/calls?number=" + user.number()).body();
            assertThat(colleagueExit).as(seen).isZero();
            assertThat(userExit).as(seen).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, user.number());
        assertThat(call.path("callee").asString()).isEqualTo(colleague.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"click_to_call\"]");
    }

    @Test
    void theDirectoryIsSearchedIgnoringCaseAndPagedByTwentyFive() {
        String tag = "Dir" + new java.util.Random().ints(6, 'a', 'z' + 1) // letters: a number search must not hit it
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) {
            var r = api().post("/api/v1/extensions", "{\"email\":\"" + uniqueEmail("dir") + "\",\"firstName\":\""
                    + tag + "\",\"lastName\":\"Paged\",\"role\":\"agent\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            made.add(r.text("number"));
        }
        var web = new org.carillon.platform.testing.WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        var first = web.get("/directory?q=" + tag.toUpperCase());
        assertThat(first.body()).contains("26 people").contains("1 / 2");
        assertThat(first.body().split("data-member=\"", -1)).hasSize(26); // 25 rows on the first page
        var second = web.get("/directory?q=" + tag + "&page=1");
        assertThat(second.body().split("data-member=\"", -1)).hasSize(2);
        assertThat(second.body()).contains("2 / 2").contains("data-member=\"" + made.get(25) + "\"");
        assertThat(web.get("/directory?q=" + made.get(3)).body()).contains("1 person<")
                .contains("data-member=\"" + made.get(3) + "\"");
        assertThat(web.get("/directory?q=no+such+colleague").body()).contains("Nobody found.");
        assertThat(api().put("/api/v1/directory/favourites/" + made.get(25), "").status()).isEqualTo(204);
        var starred = web.get("/directory?q=" + tag).body(); // the favourite leads the first page
        assertThat(starred.indexOf("data-member=\"" + made.get(25) + "\""))
                .isPositive().isLessThan(starred.indexOf("data-member=\"" + made.get(0) + "\""));
        assertThat(web.get("/directory?q=" + tag + "&page=1").body()).doesNotContain("data-member=\"" + made.get(25));
    }
}
