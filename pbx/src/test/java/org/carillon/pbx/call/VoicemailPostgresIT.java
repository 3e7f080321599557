package org.carillon.pbx.call;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Voicemail on PostgreSQL: settings saved and read back, a message left by baresip listed, marked heard, deleted. */
class VoicemailPostgresIT extends CallPostgresContext {

    @Test
    void settingsAndAMessageLifeCycleWorkOnPostgres() throws Exception {
        Calls.Ext a = Calls.newExtension(this);
        Calls.Ext b = Calls.newExtension(this);
        setWebPassword(b.email());
        var own = apiAs(b.email());
        String path = "/api/v1/extensions/" + b.number() + "/voicemail";
        var saved = own.patch(path, "{\"instructions\": false, \"pin\": \"4321\", \"maxMessages\": 5}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(own.get(path).json().path("maxMessages").asInt()).isEqualTo(5);

        JsonNode message = Calls.leaveMessage(this, dataDir(), a, b);
        assertThat(message.path("caller").asString()).isEqualTo(a.number());
        String id = message.path("id").asString();
        var heard = own.patch(path + "/messages/" + id, "{\"heard\": true}");
        assertThat(heard.status()).as(heard.body()).isEqualTo(200);
        assertThat(heard.json().path("heard").asBoolean()).isTrue();
        assertThat(own.delete(path + "/messages/" + id).status()).isEqualTo(204);
        assertThat(own.get(path + "/messages").json().size()).isZero();
    }
}
