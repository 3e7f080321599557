package org.carillon.pbx.call;

import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** BLF keys of an extension: saved and exported through the API by its own user, checked, and edited on the page. */
class BlfKeysH2IT extends CallH2Context {

    @Test
    void aUserSavesTheirKeysAndTheProvisioningExportNamesWhatToSubscribeAndDial() {
        Calls.Ext watched = Calls.newExtension(this);
        String email = uniqueEmail("keys");
        String mine = api().createExtension(email, "agent").text("number");
        setWebPassword(email);
        var me = apiAs(email);
        assertThat(me.post("/api/v1/extensions/" + mine + "/speed-dials",
                "{\"code\":\"7\",\"number\":\"" + watched.number() + "\"}").status()).isEqualTo(201);
        var saved = me.send("PUT", "/api/v1/extensions/" + mine + "/blf-keys", "{\"keys\":["
                + "{\"position\":1,\"type\":\"blf\",\"value\":\"" + watched.number() + "\",\"label\":\"Ada\"},"
                + "{\"position\":2,\"type\":\"park_slot\",\"value\":\"701\",\"label\":\"Park 1\"},"
                + "{\"position\":3,\"type\":\"speed_dial\",\"value\":\"7\",\"label\":\"Seven\"},"
                + "{\"position\":4,\"type\":\"agent\",\"value\":\"\",\"label\":\"Login\"},"
                + "{\"position\":5,\"type\":\"profile\",\"value\":\"2\",\"label\":\"Busy\"}]}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        var export = me.get("/api/v1/extensions/" + mine + "/blf-keys/provisioning");
        assertThat(export.status()).isEqualTo(200);
        var keys = export.json().path("keys");
        assertThat(keys.size()).isEqualTo(5);
        assertThat(keys.get(0).path("subscribe").asString()).startsWith("sip:" + watched.number() + "@");
        assertThat(keys.get(0).path("pickup").asString()).isEqualTo("**" + watched.number());
        assertThat(keys.get(1).path("type").asString()).isEqualTo("park_slot");
        assertThat(keys.get(2).path("dial").asString()).isEqualTo("*07");
        // agent and profile lamps watch the code the key dials (LampH2IT)
        assertThat(keys.get(3).path("subscribe").asString()).startsWith("sip:*45@");
        assertThat(keys.get(3).path("dial").asString()).isEqualTo("*45");
        assertThat(keys.get(4).path("subscribe").asString()).startsWith("sip:*762@");
        assertThat(keys.get(4).path("dial").asString()).isEqualTo("*762");

        assertThat(me.get("/api/v1/extensions/" + watched.number() + "/blf-keys").status()).isEqualTo(404);
        assertThat(api().get("/api/v1/extensions/" + mine + "/blf-keys").body()).contains("\"label\":\"Ada\"");
    }

    @Test
    void badKeysAreRefusedNamingTheField() {
        String mine = Calls.newExtension(this).number();
        var bad = api().send("PUT", "/api/v1/extensions/" + mine + "/blf-keys", "{\"keys\":["
                + "{\"position\":1,\"type\":\"blf\",\"value\":\"8999\"},"
                + "{\"position\":1,\"type\":\"park_slot\",\"value\":\"730\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("keys[0].value").contains("no extension 8999")
                .contains("keys[1].position").contains("keys[1].value").contains("701");
    }

    @Test
    void theAdminEditsKeysOnTheExtensionsPageWithErrorsBesideTheField() {
        Calls.Ext ext = Calls.newExtension(this);
        Calls.Ext other = Calls.newExtension(this);
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        String csrf = web.csrfToken("/extensions/" + ext.number() + "/blf-keys");
        var bad = web.postForm("/extensions/" + ext.number() + "/blf-keys", Map.of("position_0", "1", "type_0",
                "park_slot", "value_0", "799", "label_0", "", "_csrf", csrf));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"value-error-0\"").contains("Parking slots are 701");
        var ok = web.postForm("/extensions/" + ext.number() + "/blf-keys", Map.of("position_0", "1", "type_0",
                "blf", "value_0", other.number(), "label_0", "Grace", "type_1", "", "_csrf", csrf));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(web.get("/extensions/" + ext.number() + "/blf-keys").body()).contains("value=\"Grace\"")
                .contains("id=\"menu-blf-keys\"");
    }
}
