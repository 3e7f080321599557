package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.feature.FeatureFixture;
import org.carillon.pbx.parking.ParkingService;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.pbx.tenant.TenantDirectory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the parking ITs do with SIPp phones: park a caller by blind transfer, watch a slot's lamp, retrieve. */
final class ParkingPhones {
    private static final Pattern STATE = Pattern.compile("NOTIFY state=([a-z]+)");

    /** The three people of a park-and-retrieve: A parked by B, retrieved by C. */
    record Parties(Calls.Ext a, Calls.Ext b, Calls.Ext c) {
    }

    /** What the test checks while A waits in the slot. */
    @FunctionalInterface
    interface WhileParked {
        void check(Parties parties) throws Exception;
    }

    private final FeatureFixture f;

    ParkingPhones(FeatureFixture f) {
        this.f = f;
    }

    long tenant() {
        return f.bean(TenantDirectory.class).current().id();
    }

    /** An authenticated SIPp caller from {@code from} dialling {@code dialled}. */
    SippPeer caller(String scenario, Calls.Ext from, String dialled, String... extra) throws Exception {
        var args = new ArrayList<>(List.of("-s", dialled, "-au", from.username(), "-ap", from.password(),
                "-key", "caller", from.number()));
        args.addAll(List.of(extra));
        return SippPeer.start(scenario, f.sipPort(), TestPorts.udp(), args);
    }

    /** B (registered SIPp phone on {@code bPort}) parks its caller A by REFER to {@code target}; A waits. */
    SippPeer parkedBy(Calls.Ext a, Calls.Ext b, int bPort, String target) throws Exception {
        return parkedBy(a, b, bPort, target, "caller_waits.xml");
    }

    /** As above, A running {@code scenario} (with its own extra arguments). */
    SippPeer parkedBy(Calls.Ext a, Calls.Ext b, int bPort, String target, String scenario, String... extra)
            throws Exception {
        SippPeer parked;
        try (SippPeer parker = SippPeer.start("callee_transfers.xml", f.sipPort(), bPort,
                List.of("-d", "300", "-key", "target", target)).awaitBound()) {
            parked = caller(scenario, a, b.number(), extra);
            assertThat(parker.await()).as(parker.output()).isZero();
        }
        return parked;
    }

    void awaitSlot(String slot, boolean occupied) throws InterruptedException {
        Calls.await("slot " + slot + (occupied ? " occupied" : " free"), Duration.ofSeconds(10),
                () -> f.bean(ParkingService.class).find(tenant(), slot).isPresent() == occupied);
    }

    /** {@code watcher}'s BLF lamp on {@code slot}, subscribed (its first NOTIFY after the subscription is early). */
    SippPeer lamp(Calls.Ext watcher, String slot) throws Exception {
        SippPeer lamp = SippPeer.start("blf_watcher.xml", f.sipPort(), TestPorts.udp(), List.of("-s", slot,
                "-au", watcher.username(), "-ap", watcher.password(), "-key", "watcher", watcher.number(),
                "-key", "first", "early", "-trace_logs"));
        Calls.await("a watcher of slot " + slot, Duration.ofSeconds(10),
                () -> f.bean(SubscriptionService.class).watching(tenant(), "dialog", slot) == 1);
        return lamp;
    }

    /**
     * B parks its caller A on {@code parkNumber}; A waits in {@code slot} while a lamp watches it; C dials the slot and
     * takes the call. Checks the lamp went idle → early → idle, the slot is free again and the call history.
     */
    Parties parkAndRetrieveWhileTheLampFollows(String parkNumber, String slot, WhileParked whileParked)
            throws Exception {
        Calls.Ext w = Calls.newExtension(f);
        int bPort = TestPorts.udp();
        Parties p = new Parties(Calls.newExtension(f), Calls.registeredSipp(f, bPort), Calls.newExtension(f));
        try (SippPeer lamp = lamp(w, slot)) {
            try (SippPeer parked = parkedBy(p.a(), p.b(), bPort, parkNumber)) {
                awaitSlot(slot, true);
                whileParked.check(p);
                try (SippPeer retriever = caller("caller.xml", p.c(), slot, "-d", "500")) {
                    assertThat(retriever.await()).as(retriever.output()).isZero();
                }
                assertThat(parked.await()).as(parked.output()).isZero();
            }
            assertThat(lamp.await()).as(lamp.output()).isZero();
            List<String> states = new ArrayList<>();
            Matcher m = STATE.matcher(lamp.logs());
            while (m.find()) {
                states.add(m.group(1));
            }
            assertThat(states).as(lamp.logs()).containsSubsequence("terminated", "early", "terminated");
        }
        awaitSlot(slot, false);
        JsonNode call = Calls.lastCallOf(f, p.a().number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
        assertThat(call.path("callee").asString()).isEqualTo(p.c().number());
        assertThat(call.path("transfers").toString())
                .isEqualTo("[\"park:" + slot + "\",\"retrieve:" + p.c().number() + "\"]");
        return p;
    }
}
