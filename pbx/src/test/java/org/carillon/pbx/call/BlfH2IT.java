package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's BLF checks with real peers: a SIPp BLF key (dialog event package, digest-authenticated SUBSCRIBE) watches
 * an extension while two baresip phones call through the PBX and sees idle → early (with call-id and tags) →
 * confirmed → terminated, with versions only increasing; and pressing a ringing lamp (SIPp INVITE with the
 * Replaces built from the NOTIFY) picks the ringing call up.
 */
class BlfH2IT extends CallH2Context {
    private static final Pattern NOTIFY = Pattern.compile(
            "NOTIFY state=([a-z]+) version=([0-9]+) call-id=(\\S*)(?: local-tag=(\\S*) remote-tag=(\\S*) "
                    + "direction=(\\S*))?");

    /** One NOTIFY as the SIPp watcher logged it. */
    record Seen(String state, long version, String callId, String localTag, String remoteTag, String direction) {
    }

    /**
     * A BLF key watching {@code watched}. It lives through a whole call (subscribe, the call's NOTIFYs, un-subscribe),
     * which on a loaded machine can outlast SIPp's usual 20 s; every step has its own bound below.
     */
    private SippPeer watcher(Calls.Ext w, String watched, String first) throws Exception {
        return SippPeer.start("blf_watcher.xml", sipPort(), TestPorts.udp(), List.of("-s", watched, "-au",
                w.username(), "-ap", w.password(), "-key", "watcher", w.number(), "-key", "first", first,
                "-trace_logs"), Duration.ofSeconds(90));
    }

    private void awaitWatched(String number) throws InterruptedException {
        long tenant = bean(TenantDirectory.class).current().id();
        Calls.await("a dialog subscription to " + number, Duration.ofSeconds(10),
                () -> bean(SubscriptionService.class).watching(tenant, "dialog", number) == 1);
    }

    private static List<Seen> seen(SippPeer watcher) {
        List<Seen> out = new ArrayList<>();
        Matcher m = NOTIFY.matcher(watcher.logs());
        while (m.find()) {
            out.add(new Seen(m.group(1), Long.parseLong(m.group(2)), m.group(3), nonNull(m.group(4)),
                    nonNull(m.group(5)), nonNull(m.group(6))));
        }
        return out;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static boolean logged(SippPeer watcher, String state) {
        return seen(watcher).stream().anyMatch(s -> s.state().equals(state));
    }

    @Test
    void blfWatcherSeesIdleEarlyConfirmedTerminatedWhileTwoBaresipPhonesCall() throws Exception {
        Path dir = Files.createTempDirectory("blf-baresip");
        Path wav = dir.resolve("tone.wav");
        Signals.write(wav, Signals.pad(Signals.melody(new double[]{440, 660}, 300, 0.3), 30_000));
        var a = Calls.newExtension(this);
        var b = Calls.newExtension(this);
        var w = Calls.newExtension(this);
        try (Baresip phoneA = Baresip.phone(dir, "a", a, sipPort(), wav);
             Baresip phoneB = Baresip.phone(dir, "b", b, sipPort(), wav, "manual")) {
            phoneA.awaitStarted(Duration.ofSeconds(10));
            phoneB.awaitStarted(Duration.ofSeconds(10));
            Calls.awaitRegistered(this, a.number());
            Calls.awaitRegistered(this, b.number());
            try (SippPeer lamp = watcher(w, b.number(), "confirmed")) {
                awaitWatched(b.number());
                Calls.await("the idle NOTIFY", Duration.ofSeconds(15), () -> logged(lamp, "terminated"));

                phoneA.command("dial", "sip:" + b.number() + "@127.0.0.1:" + sipPort(), Duration.ofMillis(200));
                Calls.await("the early NOTIFY", Duration.ofSeconds(15), () -> logged(lamp, "early"));
                // the lamp turns early when the PBX sends B its INVITE: B can accept only once that has arrived
                assertThat(phoneB.awaitLog("Incoming call from", Duration.ofSeconds(15))).as(phoneB.safeLog())
                        .isTrue();
                phoneB.command("accept", "", Duration.ofMillis(200));
                assertThat(phoneA.awaitLog("Call established", Duration.ofSeconds(15))).as(phoneA.safeLog()).isTrue();
                Calls.await("the confirmed NOTIFY", Duration.ofSeconds(15), () -> logged(lamp, "confirmed"));
                phoneA.command("hangup", "", Duration.ofMillis(300));
                assertThat(lamp.await(60)).as(lamp.output() + lamp.logs()).isZero();

                List<Seen> notifies = seen(lamp);
                List<String> states = new ArrayList<>();
                for (Seen s : notifies) {
                    if (states.isEmpty() || !states.getLast().equals(s.state())) {
                        states.add(s.state());
                    }
                }
                assertThat(states).as(lamp.logs()).containsExactly("terminated", "early", "confirmed", "terminated");
                Seen early = notifies.stream().filter(s -> s.state().equals("early")).findFirst().orElseThrow();
                assertThat(early.callId()).isNotEmpty();
                assertThat(early.localTag()).isNotEmpty();
                assertThat(early.remoteTag()).isNotEmpty();
                assertThat(early.direction()).isEqualTo("recipient");
                for (int i = 1; i < notifies.size(); i++) {
                    assertThat(notifies.get(i).version()).as(lamp.logs())
                            .isGreaterThan(notifies.get(i - 1).version());
                }
                assertThat(lamp.logs()).contains("ENDED terminated;reason=timeout");
            }
        }
        long tenant = bean(TenantDirectory.class).current().id();
        assertThat(bean(SubscriptionService.class).watching(tenant, "dialog", b.number())).isZero();
    }

    @Test
    void pressingARingingLampSendsInviteWithReplacesAndPicksTheCallUp() throws Exception {
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext p = Calls.newExtension(this);
        try (SippPeer lamp = watcher(p, b.number(), "early")) {
            awaitWatched(b.number());
            try (SippPeer ringingPhone = SippPeer.start("callee_rings.xml", sipPort(), bPort, List.of()).awaitBound();
                 SippPeer caller = SippPeer.start("caller_waits.xml", sipPort(), TestPorts.udp(), List.of("-s",
                         b.number(), "-au", a.username(), "-ap", a.password(), "-key", "caller", a.number()))) {
                Calls.await("the early NOTIFY", Duration.ofSeconds(10), () -> logged(lamp, "early"));
                Seen early = seen(lamp).stream().filter(s -> s.state().equals("early")).findFirst().orElseThrow();
                String replaces = early.callId() + ";to-tag=" + early.localTag() + ";from-tag=" + early.remoteTag();
                try (SippPeer picker = SippPeer.start("pickup_replaces.xml", sipPort(), TestPorts.udp(),
                        List.of("-s", b.number(), "-au", p.username(), "-ap", p.password(), "-key", "caller",
                                p.number(), "-key", "replaces", replaces, "-d", "500"))) {
                    assertThat(picker.await()).as(picker.output()).isZero();
                }
                assertThat(caller.await()).as(caller.output()).isZero();
                assertThat(ringingPhone.await()).as(ringingPhone.output()).isZero();
            }
            assertThat(lamp.await()).as(lamp.output() + lamp.logs()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
        assertThat(call.path("callee").asString()).isEqualTo(p.number());
        assertThat(call.path("transfers").get(0).asString()).isEqualTo("pickup:" + p.number());
    }

    @Test
    void aWatcherAnsweringNotify481IsDroppedAtOnce() throws Exception {
        Calls.Ext w = Calls.newExtension(this);
        Calls.Ext watched = Calls.newExtension(this);
        try (SippPeer forgetful = SippPeer.start("blf_watcher_481.xml", sipPort(), TestPorts.udp(), List.of("-s",
                watched.number(), "-au", w.username(), "-ap", w.password(), "-key", "watcher", w.number()))) {
            assertThat(forgetful.await()).as(forgetful.output()).isZero();
        }
        long tenant = bean(TenantDirectory.class).current().id();
        Calls.await("the subscription to be dropped", Duration.ofSeconds(5),
                () -> bean(SubscriptionService.class).watching(tenant, "dialog", watched.number()) == 0);
    }

    @Test
    void aNotifyThatFailsIsSentAgainWithoutWaitingForTheNextChange() throws Exception {
        Calls.Ext w = Calls.newExtension(this);
        Calls.Ext watched = Calls.newExtension(this);
        long failedBefore = bean(SubscriptionService.class).notifyCounters().failed();
        try (SippPeer refusing = SippPeer.start("blf_watcher_retry.xml", sipPort(), TestPorts.udp(), List.of("-s",
                watched.number(), "-au", w.username(), "-ap", w.password(), "-key", "watcher", w.number(),
                "-trace_logs"))) {
            assertThat(refusing.await()).as(refusing.output() + refusing.logs()).isZero();
            // nothing changed on the watched extension: the second NOTIFY is the resend of the refused one
            assertThat(refusing.logs()).contains("REFUSED version=").contains("RETRIED state=terminated");
        }
        assertThat(bean(SubscriptionService.class).notifyCounters().failed()).isGreaterThan(failedBefore);
    }

    @Test
    void aSubscriptionThatIsNotRefreshedEndsWithATerminatingNotifyOnceItsTimeIsUp() throws Exception {
        Calls.Ext w = Calls.newExtension(this);
        Calls.Ext watched = Calls.newExtension(this);
        try (SippPeer lapsing = SippPeer.start("blf_watcher_expires.xml", sipPort(), TestPorts.udp(), List.of("-s",
                watched.number(), "-au", w.username(), "-ap", w.password(), "-key", "watcher", w.number(),
                "-trace_logs"))) {
            awaitWatched(watched.number());
            SubscriptionService subscriptions = bean(SubscriptionService.class);
            subscriptions.sweep();
            assertThat(subscriptions.watching(bean(TenantDirectory.class).current().id(), "dialog",
                    watched.number())).as("not lapsed yet").isEqualTo(1);
            advance(Duration.ofSeconds(61));
            subscriptions.sweep();
            assertThat(lapsing.await()).as(lapsing.output() + lapsing.logs()).isZero();
        }
    }

    @Test
    void anUnknownEventPackageIsRefusedWith489() throws Exception {
        Calls.Ext w = Calls.newExtension(this);
        try (SippPeer bad = SippPeer.start("subscribe_unknown_event.xml", sipPort(), TestPorts.udp(),
                List.of("-s", w.number(), "-key", "watcher", w.number()))) {
            assertThat(bad.await()).as(bad.output()).isZero();
        }
    }
}
