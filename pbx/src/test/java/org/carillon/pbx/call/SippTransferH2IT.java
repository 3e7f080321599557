package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three SIPp extensions through the PBX: blind transfer by REFER (sipfrag NOTIFYs, the target takes the
 * transferor's place in the same call, which keeps its history) and pickup of a ringing call (directed
 * {@code **<ext>} and group {@code *8}).
 */
class SippTransferH2IT extends CallH2Context {

    private SippPeer caller(String scenario, Calls.Ext from, String dialled, String... extra) throws Exception {
        var args = new java.util.ArrayList<>(List.of("-s", dialled, "-au", from.username(), "-ap", from.password(),
                "-key", "caller", from.number()));
        args.addAll(List.of(extra));
        return SippPeer.start(scenario, sipPort(), TestPorts.udp(), args);
    }

    @Test
    void calleeTransfersTheCallerBlindToAThirdExtensionWhichTakesItsPlace() throws Exception {
        int bPort = TestPorts.udp();
        int cPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext c = Calls.registeredSipp(this, cPort);
        Calls.Ext a = Calls.newExtension(this);
        try (SippPeer target = SippPeer.start("callee.xml", sipPort(), cPort, List.of());
             SippPeer transferor = SippPeer.start("callee_transfers.xml", sipPort(), bPort,
                     List.of("-d", "300", "-key", "target", c.number()));
             SippPeer caller = caller("caller.xml", a, b.number(), "-d", "3000")) {
            assertThat(transferor.await()).as(transferor.output()).isZero();
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(target.await()).as(target.output()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
        assertThat(call.path("callee").asString()).isEqualTo(c.number());
        assertThat(call.path("transfers").get(0).asString()).isEqualTo("blind:" + c.number());
    }

    private void pickup(String code, boolean group) throws Exception {
        int bPort = TestPorts.udp();
        Calls.Ext b = Calls.registeredSipp(this, bPort);
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext p = Calls.newExtension(this);
        try (SippPeer ringingPhone = SippPeer.start("callee_rings.xml", sipPort(), bPort, List.of());
             SippPeer caller = caller("caller_waits.xml", a, b.number())) {
            Calls.awaitActiveState(this, "ringing");
            try (SippPeer picker = caller("caller.xml", p, group ? code : code + b.number(), "-d", "500")) {
                assertThat(picker.await()).as(picker.output()).isZero();
            }
            assertThat(caller.await()).as(caller.output()).isZero();
            assertThat(ringingPhone.await()).as(ringingPhone.output()).isZero();
        }
        JsonNode call = Calls.lastCallOf(this, a.number());
        assertThat(call.path("result").asString()).isEqualTo("answered");
        assertThat(call.path("callee").asString()).isEqualTo(p.number());
        assertThat(call.path("transfers").get(0).asString()).isEqualTo("pickup:" + p.number());
    }

    @Test
    void directedPickupAnswersTheCallRingingThatExtension() throws Exception {
        pickup("**", false);
    }

    @Test
    void groupPickupAnswersACallRingingInTheTenant() throws Exception {
        pickup("*8", true);
    }
}
