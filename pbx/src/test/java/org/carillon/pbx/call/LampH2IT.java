package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.pbx.team.AgentService;
import org.carillon.pbx.team.AgentState;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent lamps (issue 11) and call-profile lamps (issue 12) with SIPp watchers: a key subscribes to the feature code it
 * dials ({@code *45}, {@code *76<n>}), NOTIFYs follow the agent's state and the active profile, and pressing the key
 * (dialling the code) changes what the lamp shows. The PIDF of an extension carries its active profile.
 */
class LampH2IT extends CallH2Context {
    private static final Pattern STATE = Pattern.compile("NOTIFY state=([a-z]+)");
    private static final Pattern SEEN = Pattern.compile("NOTIFY seen=([^(\\n]*) \\(");

    private long tenant() {
        return bean(TenantDirectory.class).current().id();
    }

    private SippPeer dialogLamp(Calls.Ext w, String code, String first) throws Exception {
        return SippPeer.start("blf_watcher.xml", sipPort(), TestPorts.udp(), List.of("-s", code, "-au",
                w.username(), "-ap", w.password(), "-key", "watcher", w.number(), "-key", "first", first,
                "-trace_logs"));
    }

    private SippPeer pidfWatcher(Calls.Ext w, String watched, String first, String last) throws Exception {
        return SippPeer.start("presence_watcher.xml", sipPort(), TestPorts.udp(), List.of("-s", watched, "-au",
                w.username(), "-ap", w.password(), "-key", "watcher", w.number(), "-key", "first", first,
                "-key", "last", last, "-trace_logs"));
    }

    private void awaitWatched(String event, String resource) throws InterruptedException {
        Calls.await("a " + event + " subscription to " + resource, Duration.ofSeconds(10),
                () -> bean(SubscriptionService.class).watching(tenant(), event, resource) == 1);
    }

    private static List<String> all(Pattern p, SippPeer watcher) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(watcher.logs());
        while (m.find()) {
            if (out.isEmpty() || !out.getLast().equals(m.group(1).strip())) {
                out.add(m.group(1).strip());
            }
        }
        return out;
    }

    /** Dials a feature code from {@code from}'s phone: the PBX answers, confirms and hangs up. */
    private void press(Calls.Ext from, String code) throws Exception {
        try (SippPeer caller = SippPeer.start("caller_waits.xml", sipPort(), TestPorts.udp(), List.of("-s", code,
                "-au", from.username(), "-ap", from.password(), "-key", "caller", from.number()))) {
            assertThat(caller.await()).as(caller.output()).isZero();
        }
    }

    private Calls.Ext agent() {
        Calls.Ext g = Calls.newExtension(this);
        var r = api().post("/api/v1/teams", "{\"name\":\"Lamps\",\"strategy\":\"hunt\",\"members\":[\""
                + g.number() + "\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return g;
    }

    @Test
    void theAgentLampIsIdleWhileReadyLitOnBreakAndPressingTheBreakCodeTogglesIt() throws Exception {
        Calls.Ext g = agent();
        try (SippPeer lamp = dialogLamp(g, "*45", "confirmed")) {
            awaitWatched("dialog", "agent:" + g.number());
            Calls.await("the idle (ready) NOTIFY", Duration.ofSeconds(5),
                    () -> all(STATE, lamp).contains("terminated"));
            press(g, "*46");
            Calls.await("the lit (break) NOTIFY", Duration.ofSeconds(5), () -> all(STATE, lamp).contains("confirmed"));
            assertThat(bean(AgentService.class).require(tenant(), g.number()).state()).isEqualTo(AgentState.BREAK);
            press(g, "*46");
            assertThat(lamp.await()).as(lamp.output() + lamp.logs()).isZero();
            assertThat(all(STATE, lamp)).containsExactly("terminated", "confirmed", "terminated");
        }
        assertThat(bean(AgentService.class).require(tenant(), g.number()).state()).isEqualTo(AgentState.READY);
    }

    @Test
    void theAgentLampsPidfNamesEachStateBreakWithItsAuxCode() throws Exception {
        Calls.Ext g = agent();
        Calls.Ext supervisor = Calls.newExtension(this);
        try (SippPeer softphone = pidfWatcher(supervisor, "*45" + g.number(), "On break: lunch|", "Logged out|")) {
            awaitWatched("presence", "agent:" + g.number());
            Calls.await("the ready NOTIFY", Duration.ofSeconds(5), () -> all(SEEN, softphone).contains("Ready|"));
            assertThat(api().send("PUT", "/api/v1/agents/" + g.number() + "/state",
                    "{\"state\":\"break\",\"auxCode\":\"lunch\"}").status()).isEqualTo(200);
            Calls.await("the break NOTIFY", Duration.ofSeconds(5),
                    () -> all(SEEN, softphone).contains("On break: lunch|"));
            assertThat(api().send("PUT", "/api/v1/agents/" + g.number() + "/state", "{\"state\":\"logged_out\"}")
                    .status()).isEqualTo(200);
            assertThat(softphone.await()).as(softphone.output() + softphone.logs()).isZero();
            assertThat(all(SEEN, softphone)).containsExactly("Ready|", "On break: lunch|", "Logged out|");
        }
    }

    @Test
    void theProfileLampLightsWhileItsProfileIsActiveAndThePidfCarriesTheProfile() throws Exception {
        Calls.Ext p = Calls.newExtension(this);
        Calls.Ext softphoneUser = Calls.newExtension(this);
        try (SippPeer lamp = dialogLamp(p, "*762", "confirmed");
             SippPeer softphone = pidfWatcher(softphoneUser, p.number(), "Offline|Busy", "Offline|Available")) {
            awaitWatched("dialog", "profile:" + p.number() + ":2");
            awaitWatched("presence", p.number());
            Calls.await("the idle NOTIFY", Duration.ofSeconds(5), () -> all(STATE, lamp).contains("terminated"));
            Calls.await("the available NOTIFY", Duration.ofSeconds(5),
                    () -> all(SEEN, softphone).contains("Offline|Available"));
            press(p, "*762"); // pressing the key: Busy (profile 2) becomes active
            Calls.await("the lit NOTIFY", Duration.ofSeconds(5), () -> all(STATE, lamp).contains("confirmed"));
            Calls.await("the busy NOTIFY", Duration.ofSeconds(5),
                    () -> all(SEEN, softphone).contains("Offline|Busy"));
            assertThat(api().send("PUT", "/api/v1/extensions/" + p.number() + "/profile", "{\"active\":\"available\"}")
                    .status()).isEqualTo(200);
            assertThat(lamp.await()).as(lamp.output() + lamp.logs()).isZero();
            assertThat(softphone.await()).as(softphone.output() + softphone.logs()).isZero();
            assertThat(all(STATE, lamp)).containsExactly("terminated", "confirmed", "terminated");
            // the *762 call itself shows too ("In a call|Busy") while it lasts
            assertThat(all(SEEN, softphone)).containsSubsequence("Offline|Available", "Offline|Busy",
                    "Offline|Available").endsWith("Offline|Available");
        }
    }
}
