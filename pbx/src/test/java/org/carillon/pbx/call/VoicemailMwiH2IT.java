package org.carillon.pbx.call;

import org.carillon.platform.testing.TestPorts;
import org.carillon.pbx.subscription.SubscriptionService;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, message-waiting lamps (RFC 3842): with a message waiting, a phone that only registers gets an unsolicited
 * {@code message-summary} NOTIFY after its registration saying "Messages-Waiting: yes"; a SIPp phone subscribing to its own mailbox gets
 * "yes" (1 new, 0 old), and "no" once the message is deleted through the API.
 */
class VoicemailMwiH2IT extends CallH2Context {

    @Test
    void registeredAndSubscribedPhonesSeeMessagesWaitingYesThenNoAfterDeletion() throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext b = Calls.newExtension(this);
        setWebPassword(b.email());
        apiAs(b.email()).patch("/api/v1/extensions/" + b.number() + "/voicemail", "{\"instructions\": false}");
        JsonNode message = Calls.leaveMessage(this, dataDir(), a, b);

        // a phone that registers and never subscribes: the NOTIFY that follows its registration is retransmitted
        // (RFC 3261 §17.1.2) until the phone, listening on the port it registered from, answers it
        int port = TestPorts.udp();
        try (SippPeer reg = SippPeer.start("register.xml", sipPort(), port, List.of("-s", b.number(), "-au",
                b.username(), "-ap", b.password(), "-key", "expires", "600"))) {
            assertThat(reg.await()).as(reg.output()).isZero();
        }
        try (SippPeer phone = SippPeer.start("mwi_notified.xml", sipPort(), port, List.of("-trace_logs"))) {
            assertThat(phone.await()).as(phone.output()).isZero();
        }

        long tenant = bean(TenantDirectory.class).current().id();
        try (SippPeer watcher = SippPeer.start("mwi_watcher.xml", sipPort(), TestPorts.udp(), List.of("-s",
                b.number(), "-au", b.username(), "-ap", b.password(), "-trace_logs"))) {
            Calls.await("a message-summary subscription", Duration.ofSeconds(10),
                    () -> bean(SubscriptionService.class).watching(tenant, "message-summary", b.number()) == 1);
            var deleted = apiAs(b.email()).delete("/api/v1/extensions/" + b.number() + "/voicemail/messages/"
                    + message.path("id").asString());
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            assertThat(watcher.await()).as(watcher.output()).isZero();
        }
    }
}
