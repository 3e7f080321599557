package org.carillon.pbx.feature;

import org.carillon.pbx.audit.AuditTrail;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13's audit log for the features that came after extensions: each change made through the API to teams,
 * another user's agent state, aux codes, feature codes, speed dials (system and personal), BLF keys, call profiles, schedules (tenant, extension,
 * override, holidays) and voicemail settings and greetings is one line naming who (the Owner), from where (loopback),
 * the object, and its state before and after — only the fields that changed —, secrets masked.
 */
public interface FeatureAuditContract extends FeatureFixture {

    /**
     * What one change must have left in the log: the newest line of {@code action} on the object, whose before and
     * after hold {@code field} (a JSON pointer) as given (a {@code null} expectation: that side lacks it).
     */
    record Expect(String action, String objectType, String objectId, String field, String before, String after) {
    }

    private List<JsonNode> audit(String query) {
        var r = api().get("/api/v1/audit?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    /** The newest line matching {@code e}, checked against it. */
    private JsonNode check(Expect e) {
        var line = audit("objectType=" + e.objectType() + "&objectId=" + e.objectId()).stream()
                .filter(i -> i.path("action").asString().equals(e.action())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + e.action() + " line for " + e.objectType() + " "
                        + e.objectId()));
        assertThat(line.path("actor").asString()).isEqualTo(OWNER);
        assertThat(line.path("source").asString()).isEqualTo("127.0.0.1");
        assertThat(line.path("occurredAt").asString()).isNotEmpty();
        side(line.path("before"), e.field(), e.before(), e.action() + " before");
        side(line.path("after"), e.field(), e.after(), e.action() + " after");
        return line;
    }

    /** {@code expected} null: the field is not on that side (a creation's before, a deletion's after). */
    private static void side(JsonNode state, String field, String expected, String what) {
        if (expected == null) {
            assertThat(state.at(field).isMissingNode()).as(what + ": " + state).isTrue();
            return;
        }
        JsonNode at = state.at(field);
        assertThat(at.isValueNode() ? at.asString() : at.toString()).as(what + ": " + state).isEqualTo(expected);
    }

    private DynamicTest change(String name, Supplier<Expect> run) {
        return DynamicTest.dynamicTest(name, () -> check(run.get()));
    }

    private String ok(Api.Reply r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
        return r.body();
    }

    private String extension(String who) {
        return api().createExtension(uniqueEmail(who), "agent").text("number");
    }

    @TestFactory
    default Stream<DynamicTest> eachFeatureChangeIsLoggedWithBeforeAndAfter() {
        String a = extension("audit-a");
        String b = extension("audit-b");
        String team = api().post("/api/v1/teams", "{\"name\":\"Audited\",\"strategy\":\"hunt\",\"members\":[\"" + a
                + "\"],\"ringSeconds\":10,\"maxWaitSeconds\":60}").text("number");
        String code = Integer.toString(300 + SEQUENCE.incrementAndGet() % 100);
        String personal = Integer.toString(400 + SEQUENCE.incrementAndGet() % 100);
        String[] holiday = new String[1];
        String[] ownHoliday = new String[1];
        return Stream.of(
                change("team created", () -> new Expect("team.create", "team", team, "/name", null, "Audited")),
                change("team members and settings changed", () -> {
                    ok(api().put("/api/v1/teams/" + team, "{\"name\":\"Audited\",\"strategy\":\"hunt\",\"members\":[\""
                            + a + "\",\"" + b + "\"],\"ringSeconds\":25,\"maxWaitSeconds\":60}"));
                    var line = check(new Expect("team.update", "team", team, "/ringSeconds", "10", "25"));
                    assertThat(line.path("after").path("members").toString()).contains(a).contains(b);
                    assertThat(line.path("before").has("name")).as("unchanged fields are left out").isFalse();
                    return new Expect("team.update", "team", team, "/members/1", null, b);
                }),
                change("team own hours set", () -> {
                    ok(api().put("/api/v1/teams/" + team, "{\"name\":\"Audited\",\"strategy\":\"hunt\",\"members\":[\""
                            + a + "\",\"" + b + "\"],\"ringSeconds\":25,\"maxWaitSeconds\":60,\"officeHours\":\"own\","
                            + "\"hours\":{\"monday\":[\"08:00-20:00\"]},\"exemptFromGlobalHolidays\":true}"));
                    var line = check(new Expect("team.update", "team", team, "/officeHours", "", "own"));
                    assertThat(line.path("after").path("exemptFromGlobalHolidays").asBoolean()).isTrue();
                    return new Expect("team.update", "team", team, "/hours/monday/0", null, "08:00-20:00");
                }),
                change("an admin puts another user's agent on a break", () -> {
                    ok(api().put("/api/v1/agents/" + a + "/state", "{\"state\":\"break\",\"auxCode\":\"lunch\"}"));
                    var line = check(new Expect("agent.state", "agent", a, "/state", "ready", "break"));
                    assertThat(line.path("after").path("auxCode").asString()).isEqualTo("lunch");
                    ok(api().put("/api/v1/agents/" + a + "/state", "{\"state\":\"ready\"}"));
                    return new Expect("agent.state", "agent", a, "/state", "break", "ready");
                }),
                change("team deleted", () -> {
                    ok(api().delete("/api/v1/teams/" + team));
                    return new Expect("team.delete", "team", team, "/name", "Audited", null);
                }),
                change("aux codes replaced", () -> {
                    String before = api().get("/api/v1/aux-codes").body();
                    ok(api().put("/api/v1/aux-codes", "[{\"code\":\"audit\",\"label\":\"Audit hour\"}]"));
                    var line = check(new Expect("team.aux_codes", "aux_code", tenantId(), "/codes/audit", null,
                            "Audit hour"));
                    ok(api().put("/api/v1/aux-codes", before));
                    return new Expect("team.aux_codes", "aux_code", tenantId(), "/codes/audit", "Audit hour", null);
                }),
                change("feature code changed", () -> {
                    ok(api().patch("/api/v1/feature-codes", "{\"call_profile\":\"*77\"}"));
                    check(new Expect("feature_codes_changed", "feature_codes", tenantId(), "/call_profile", "*76",
                            "*77"));
                    ok(api().patch("/api/v1/feature-codes", "{\"call_profile\":\"*76\"}"));
                    return new Expect("feature_codes_changed", "feature_codes", tenantId(), "/call_profile", "*77",
                            "*76");
                }),
                change("system speed dial added", () -> {
                    ok(api().post("/api/v1/speed-dials", "{\"code\":\"" + code + "\",\"number\":\"" + a
                            + "\",\"label\":\"Sales\"}"));
                    return new Expect("speed_dial_saved", "speed_dial", "system:" + code, "/label", null, "Sales");
                }),
                change("system speed dial changed", () -> {
                    ok(api().put("/api/v1/speed-dials/" + code, "{\"number\":\"" + a + "\",\"label\":\"Sales desk\"}"));
                    return new Expect("speed_dial_saved", "speed_dial", "system:" + code, "/label", "Sales",
                            "Sales desk");
                }),
                change("system speed dial deleted", () -> {
                    ok(api().delete("/api/v1/speed-dials/" + code));
                    return new Expect("speed_dial_deleted", "speed_dial", "system:" + code, "/number", a, null);
                }),
                change("personal speed dial added", () -> {
                    ok(api().post("/api/v1/extensions/" + a + "/speed-dials", "{\"code\":\"" + personal
                            + "\",\"number\":\"" + b + "\",\"label\":\"Bea\"}"));
                    return new Expect("speed_dial_saved", "speed_dial", a + ":" + personal, "/number", null, b);
                }),
                change("BLF keys saved", () -> {
                    ok(api().put("/api/v1/extensions/" + a + "/blf-keys", "{\"keys\":[{\"position\":1,\"type\":\"blf\","
                            + "\"value\":\"" + b + "\",\"label\":\"Bea\"}]}"));
                    return new Expect("blf_keys_saved", "blf_keys", a, "/buttons/0/label", null,
                            "Bea");
                }),
                change("call profile created", () -> {
                    ok(api().post("/api/v1/extensions/" + a + "/profiles", "{\"name\":\"Lunch\",\"callWaiting\":false,"
                            + "\"internal\":{\"ringSeconds\":10},\"external\":{\"ringSeconds\":10}}"));
                    return new Expect("profile.create", "call_profile", a, "/name", null, "Lunch");
                }),
                change("call profile changed", () -> {
                    ok(api().put("/api/v1/extensions/" + a + "/profiles/lunch", "{\"callWaiting\":true,"
                            + "\"internal\":{\"ringSeconds\":10},\"external\":{\"ringSeconds\":10}}"));
                    return new Expect("profile.update", "call_profile", a, "/callWaiting", "false", "true");
                }),
                change("call profile activated", () -> {
                    ok(api().put("/api/v1/extensions/" + a + "/profile", "{\"active\":\"lunch\"}"));
                    return new Expect("profile.activate", "call_profile", a, "/active", "available", "Lunch");
                }),
                change("call profile deleted", () -> {
                    ok(api().delete("/api/v1/extensions/" + a + "/profiles/lunch"));
                    return new Expect("profile.delete", "call_profile", a, "/name", "Lunch", null);
                }),
                change("extension schedule saved", () -> {
                    ok(api().put("/api/v1/extensions/" + a + "/schedule", "{\"ownHours\":true,"
                            + "\"officeHours\":{\"monday\":[\"09:00-17:00\"]}}"));
                    return new Expect("schedule.save", "schedule", a, "/ownHours", "false", "true");
                }),
                change("tenant schedule saved", () -> {
                    JsonNode now = api().get("/api/v1/schedule").json();
                    String zone = now.path("timeZone").asString();
                    String breakAction = now.path("breakTimeAction").toString();
                    String body = "{\"timeZone\":\"" + zone + "\",\"officeHours\":" + now.path("officeHours")
                            + ",\"breakHours\":" + now.path("breakHours") + ",\"nonOfficeHoursAction\":"
                            + now.path("nonOfficeHoursAction") + ",\"breakTimeAction\":%s,\"exemptExtensions\":%s}";
                    ok(api().put("/api/v1/schedule", body.formatted("{\"type\":\"hangup\",\"target\":\"\"}",
                            "[\"" + b + "\"]")));
                    var line = check(new Expect("schedule.save", "schedule", "tenant", "/breakAction/type",
                            now.path("breakTimeAction").path("type").asString(), "hangup"));
                    assertThat(line.path("after").has("zone")).as("the zone did not change").isFalse();
                    assertThat(line.path("after").path("exemptExtensions").toString()).contains(b);
                    ok(api().put("/api/v1/schedule", body.formatted(breakAction, now.path("exemptExtensions"))));
                    return new Expect("schedule.save", "schedule", "tenant", "/breakAction/type", "hangup",
                            now.path("breakTimeAction").path("type").asString());
                }),
                change("schedule override set and lifted", () -> {
                    String until = clock().instant().plusSeconds(3600).toString();
                    ok(api().put("/api/v1/schedule/override", "{\"mode\":\"open\",\"until\":\"" + until + "\"}"));
                    check(new Expect("schedule.override", "schedule", "tenant", "/mode", null, "open"));
                    ok(api().delete("/api/v1/schedule/override"));
                    return new Expect("schedule.override.lift", "schedule", "tenant", "/until", until, null);
                }),
                change("tenant holiday added", () -> {
                    holiday[0] = api().post("/api/v1/schedule/holidays", "{\"name\":\"Audit Day\",\"date\":\"2031-03-04\","
                            + "\"allDay\":true,\"yearly\":false}").text("id");
                    return new Expect("holiday.create", "holiday", holiday[0], "/date", null, "2031-03-04");
                }),
                change("tenant holiday renamed", () -> {
                    ok(api().put("/api/v1/schedule/holidays/" + holiday[0], "{\"name\":\"Audit Night\","
                            + "\"date\":\"2031-03-04\",\"allDay\":true,\"yearly\":false}"));
                    return new Expect("holiday.update", "holiday", holiday[0], "/name", "Audit Day", "Audit Night");
                }),
                change("holiday audio uploaded", () -> {
                    ok(api().putBytes("/api/v1/schedule/holidays/" + holiday[0] + "/audio", "audio/wav", wav()));
                    return new Expect("holiday.audio", "holiday", holiday[0], "/audio", "false", "true");
                }),
                change("tenant holiday deleted", () -> {
                    ok(api().delete("/api/v1/schedule/holidays/" + holiday[0]));
                    return new Expect("holiday.delete", "holiday", holiday[0], "/name", "Audit Night", null);
                }),
                change("extension holiday added and deleted", () -> {
                    ownHoliday[0] = api().post("/api/v1/extensions/" + a + "/holidays", "{\"name\":\"Dentist\","
                            + "\"date\":\"2031-05-06\",\"allDay\":true}").text("id");
                    var line = check(new Expect("holiday.create", "holiday", ownHoliday[0], "/name", null, "Dentist"));
                    assertThat(line.path("detail").asString()).isEqualTo("extension " + a);
                    ok(api().delete("/api/v1/extensions/" + a + "/holidays/" + ownHoliday[0]));
                    return new Expect("holiday.delete", "holiday", ownHoliday[0], "/name", "Dentist", null);
                }),
                change("voicemail settings changed, PIN masked", () -> {
                    ok(api().patch("/api/v1/extensions/" + b + "/voicemail", "{\"pin\":\"908172\",\"maxMessages\":40,"
                            + "\"emailOption\":\"attach\"}"));
                    var line = check(new Expect("voicemail.update", "voicemail", b, "/maxMessages", "100", "40"));
                    assertThat(line.path("after").path("emailOption").asString()).isEqualTo("attach");
                    assertThat(line.path("before").path("pin").asString()).isEmpty();
                    assertThat(line.path("after").path("pin").asString()).isEqualTo(AuditTrail.MASK);
                    assertThat(line.path("detail").asString()).isEqualTo("PIN changed");
                    assertThat(everything()).doesNotContain("908172");
                    return new Expect("voicemail.update", "voicemail", b, "/maxMessages", "100", "40");
                }),
                change("voicemail greeting uploaded and removed", () -> {
                    ok(api().putBytes("/api/v1/extensions/" + b + "/voicemail/greetings/busy", "audio/wav", wav()));
                    var line = check(new Expect("voicemail.greeting", "voicemail", b, "/busyGreeting", "built_in",
                            "custom"));
                    assertThat(line.path("detail").asString()).isEqualTo("busy greeting uploaded");
                    ok(api().delete("/api/v1/extensions/" + b + "/voicemail/greetings/busy"));
                    return new Expect("voicemail.greeting", "voicemail", b, "/busyGreeting", "custom", "built_in");
                }));
    }

    /** A user's own voicemail page: the actor is the user, a new PIN shows as changed and masked. */
    @Test
    default void voicemailSettingsChangedOnTheOwnPageAreLoggedAsTheUser() {
        String email = uniqueEmail("ownvm");
        String number = api().createExtension(email, "agent").text("number");
        setWebPassword(email);
        api().patch("/api/v1/extensions/" + number + "/voicemail", "{\"pin\":\"1357\"}");
        WebClient web = new WebClient(httpPort());
        web.login(email, USER_PASSWORD);
        var saved = web.postForm("/voicemail/settings", Map.of("enabled", "on", "pin", "864209",
                "emailOption", "none", "maxMessageSeconds", "120", "maxMessages", "100",
                "_csrf", web.csrfToken("/voicemail")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        var line = audit("objectType=voicemail&objectId=" + number + "&actor=" + email).getFirst();
        assertThat(line.path("action").asString()).isEqualTo("voicemail.update");
        assertThat(line.path("source").asString()).isEqualTo("127.0.0.1");
        assertThat(line.path("detail").asString()).isEqualTo("PIN changed");
        assertThat(line.path("before").path("pin").asString()).isEqualTo(AuditTrail.MASK);
        assertThat(line.path("after").path("pin").asString()).isEqualTo(AuditTrail.MASK);
        assertThat(line.path("before").path("maxMessageSeconds").asInt()).isEqualTo(180);
        assertThat(line.path("after").path("maxMessageSeconds").asInt()).isEqualTo(120);
        assertThat(everything()).doesNotContain("864209");
    }

    private String tenantId() {
        return Long.toString(bean(org.carillon.pbx.tenant.TenantDirectory.class).current().id());
    }

    /** Every stored line as text, to prove a secret is nowhere in it. */
    private String everything() {
        return String.join("\n", jdbc().sql("SELECT actor || ' ' || action || ' ' || object_id || ' ' || detail || ' '"
                + " || COALESCE(before_state, '') || ' ' || COALESCE(after_state, '') FROM audit_event")
                .query(String.class).list());
    }

    /** One second of a 440 Hz tone, 8 kHz mono 16-bit PCM. */
    private static byte[] wav() {
        int rate = 8000;
        ByteBuffer data = ByteBuffer.allocate(rate * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < rate; i++) {
            data.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.capacity())
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(data.capacity());
        var out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
