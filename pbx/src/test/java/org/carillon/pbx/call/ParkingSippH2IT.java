package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared parking (issue 10, SPEC §2.7) with SIPp phones: B blind-transfers its caller A to the park number 700 (202,
 * the slot announced, the final NOTIFY and our BYE), A waits in slot 701 whose BLF lamp goes idle → early → idle, and
 * C retrieves A by dialling 701; an unretrieved call rings the parker back after the parking timeout; a REFER to a
 * taken slot is refused 486 and a free slot nobody parked in answers 404.
 */
class ParkingSippH2IT extends CallH2Context {
    private static final Pattern EARLY = Pattern.compile(
            "NOTIFY state=early version=[0-9]+ call-id=(\\S+) local-tag=(\\S+) remote-tag=(\\S+)");
    private final ParkingPhones phones = new ParkingPhones(this);

    @Test
    void callParkedOnTheParkNumberIsRetrievedByDiallingTheSlotWhileItsLampFollows() throws Exception {
        phones.parkAndRetrieveWhileTheLampFollows("700", "701", p -> {
            assertThat(Calls.awaitActiveState(this, "on_hold").path("caller").asString()).isEqualTo(p.a().number());
            JsonNode slots = api().get("/api/v1/parking").json();
            assertThat(slots.toString()).contains("{\"slot\":\"701\",\"parked\":\"" + p.a().number()
                    + "\",\"parker\":\"" + p.b().number() + "\"");
        });
    }

    @Test
    void pressingTheLampOfAnOccupiedSlotRetrievesTheCallWithReplaces() throws Exception {
        Calls.Ext w = Calls.newExtension(this);
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer lamp = phones.lamp(w, "702")) {
            try (SippPeer parked = phones.parkedBy(a, b, bPort, "702")) {
                Calls.await("the lamp flashing", Duration.ofSeconds(10), () -> EARLY.matcher(lamp.logs()).find());
                Matcher early = EARLY.matcher(lamp.logs());
                assertThat(early.find()).isTrue();
                String replaces = early.group(1) + ";to-tag=" + early.group(2) + ";from-tag=" + early.group(3);
                try (SippPeer picker = SippPeer.start("pickup_replaces.xml", sipPort(), TestPorts.udp(),
                        List.of("-s", "702", "-au", w.username(), "-ap", w.password(), "-key", "caller",
                                w.number(), "-key", "replaces", replaces, "-d", "500"))) {
                    assertThat(picker.await()).as(picker.output()).isZero();
                }
                assertThat(parked.await()).as(parked.output()).isZero();
            }
            assertThat(lamp.await()).as(lamp.output() + lamp.logs()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("callee").asString()).isEqualTo(w.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:702\",\"retrieve:" + w.number() + "\"]");
    }

    @Test
    void aParkedCallerWhoHangsUpFreesTheSlot() throws Exception {
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer parked = phones.parkedBy(a, b, bPort, "703", "caller.xml", "-d", "8000")) {
            phones.awaitSlot("703", true);
            assertThat(parked.await()).as(parked.output()).isZero(); // A's BYE after 8 s, still parked
            phones.awaitSlot("703", false);
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("endedBy").asString()).isEqualTo("caller");
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:703\"]");
    }

    @Test
    void parkedCallRingsTheParkerBackAfterTheTimeout() throws Exception {
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer parked = phones.parkedBy(a, b, bPort, "700");
             SippPeer parkerAgain = SippPeer.start("callee_hangs_up.xml", sipPort(), bPort, List.of("-d", "500"))) {
            phones.awaitSlot("701", true);
            phones.awaitSlot("701", false); // the timeout (CallH2Context: PARK_TIMEOUT_SECONDS) frees it and rings B
            assertThat(parkerAgain.await()).as(parkerAgain.output()).isZero();
            assertThat(parked.await()).as(parked.output()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("callee").asString()).isEqualTo(b.number());
        assertThat(call.path("transfers").toString()).isEqualTo("[\"park:701\",\"ringback:" + b.number() + "\"]");
    }

    @Test
    void referToATakenSlotIsRefusedBusyAndAnEmptySlotAnswersNotFound() throws Exception {
        int bPort = TestPorts.udp();
        int ePort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext e = Calls.registeredSipp(this, ePort);
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext d = Calls.newExtension(this);
        Calls.Ext c = Calls.newExtension(this);
        try (SippPeer parked = phones.parkedBy(a, b, bPort, "705")) {
            phones.awaitSlot("705", true);
            try (SippPeer refused = SippPeer.start("callee_refer_refused.xml", sipPort(), ePort,
                    List.of("-d", "300", "-key", "target", "705", "-trace_logs")).awaitBound();
                 SippPeer other = phones.caller("caller.xml", d, e.number(), "-d", "2000")) {
                assertThat(refused.await()).as(refused.output()).isZero();
                assertThat(refused.logs()).contains("486 Parking Slot 705 Busy");
                assertThat(other.await()).as(other.output()).isZero();
            }
            try (SippPeer empty = phones.caller("caller_refused.xml", c, "706")) {
                assertThat(empty.await()).as(empty.output()).isZero();
            }
            try (SippPeer retriever = phones.caller("caller.xml", c, "705", "-d", "300")) {
                assertThat(retriever.await()).as(retriever.output()).isZero();
            }
            assertThat(parked.await()).as(parked.output()).isZero();
        }
        Calls.lastCallOf(this, c.number(), 2); // the refused call to 706 and the retrieved one (as its callee)
        JsonNode refusedCall = null;
        for (JsonNode call : api().get("/api/v1/calls?number=" + c.number()).json().path("calls")) {
            if (call.path("dialled").asString().equals("706")) {
                refusedCall = call;
            }
        }
        assertThat(refusedCall).as("the call to the empty slot 706").isNotNull();
        assertThat(refusedCall.path("status").asInt()).isEqualTo(404);
    }
}
