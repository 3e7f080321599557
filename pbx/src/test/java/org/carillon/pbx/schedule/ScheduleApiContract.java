package org.carillon.pbx.schedule;

import org.carillon.media.wav.WavFormat;
import org.carillon.media.wav.WavHeader;
import org.carillon.pbx.feature.Api;
import org.carillon.pbx.feature.FeatureFixture;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule and holiday API of issue 12 (validation, loops, audio, roles, override), on H2 and PostgreSQL. */
public interface ScheduleApiContract extends FeatureFixture {

    private String newExtension(String who) {
        return api().createExtension(uniqueEmail(who), "agent").text("number");
    }

    private String fields(Api.Reply r) {
        return String.join(",", r.json().path("errors").findValuesAsString("field"));
    }

    /** One second of a 440 Hz tone, 8 kHz mono 16-bit PCM. */
    static byte[] toneWav() {
        int n = 8000;
        ByteBuffer b = ByteBuffer.allocate(WavFormat.PCM16.headerLength() + n * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put(WavHeader.of(WavFormat.PCM16, n * 2L));
        for (int i = 0; i < n; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
        }
        return b.array();
    }

    private void resetTenant() {
        api().delete("/api/v1/schedule/override");
        api().get("/api/v1/schedule/holidays").json()
                .forEach(h -> api().delete("/api/v1/schedule/holidays/" + h.path("id").asString()));
        var r = api().put("/api/v1/schedule", """
                {"timeZone": "Europe/Berlin", "officeHours": {}, "breakHours": {},
                 "nonOfficeHoursAction": {"type": "voicemail", "target": ""},
                 "breakTimeAction": {"type": "voicemail", "target": ""}, "exemptExtensions": []}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    default void theGlobalScheduleIsSavedAndReadBackWithItsTimeZone() {
        resetTenant();
        String reception = newExtension("reception");
        String other = newExtension("other");
        api().put("/api/v1/extensions/" + reception + "/schedule", """
                {"ownHours": false, "nonOfficeHoursAction": {"type": "voicemail", "target": ""},
                 "breakTimeAction": {"type": "voicemail", "target": ""}}""");
        var r = api().put("/api/v1/schedule", """
                {"timeZone": "America/New_York",
                 "officeHours": {"monday": ["09:00-12:00", "13:00-17:00"], "saturday": ["22:00-02:00"]},
                 "breakHours": {"monday": ["12:00-13:00"]},
                 "nonOfficeHoursAction": {"type": "extension", "target": "%s"},
                 "breakTimeAction": {"type": "hangup", "target": "busy"}, "exemptExtensions": ["%s"]}"""
                .formatted(reception, other));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var got = api().get("/api/v1/schedule");
        assertThat(got.text("timeZone")).isEqualTo("America/New_York");
        assertThat(got.json().path("officeHours").path("monday").toString()).isEqualTo("[\"09:00-12:00\",\"13:00-17:00\"]");
        assertThat(got.json().path("officeHours").path("saturday").get(0).asString()).isEqualTo("22:00-02:00");
        assertThat(got.json().path("nonOfficeHoursAction").path("target").asString()).isEqualTo(reception);
        assertThat(got.json().path("breakTimeAction").path("type").asString()).isEqualTo("hangup");
        assertThat(got.json().path("exemptExtensions").toString()).contains(other);
        assertThat(api().get("/api/v1/extensions/" + other + "/schedule").json()
                .path("exemptFromGlobalHolidays").asBoolean()).isTrue();
        assertThat(got.json().path("status").path("state").asString()).isIn("open", "closed", "break");
        resetTenant();
    }

    @Test
    default void badSchedulesAre400NamingEachField() {
        var r = api().put("/api/v1/schedule", """
                {"timeZone": "Mars/Olympus", "officeHours": {"funday": ["09:00-17:00"], "monday": ["9-5", "10:00-11:00",
                 "10:30-12:00"]}, "nonOfficeHoursAction": {"type": "fax", "target": "1"},
                 "breakTimeAction": {"type": "extension", "target": "8999"}, "exemptExtensions": ["42"]}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).contains("timeZone", "officeHours.funday", "officeHours.monday[0]", "officeHours.monday",
                "nonOfficeHoursAction.type", "breakTimeAction.target", "exemptExtensions[0]");
        assertThat(r.body()).contains("10:00-11:00 and 10:30-12:00 overlap");
        var readOnly = api().put("/api/v1/schedule", """
                {"officeHours": {}, "status": {"state": "open"}}""");
        assertThat(readOnly.status()).isEqualTo(400);
        assertThat(fields(readOnly)).isEqualTo("status");
    }

    @Test
    default void aScheduleThatRoutesBackIntoItselfIsRefusedNamingTheLoop() {
        resetTenant();
        String a = newExtension("loopa");
        String b = newExtension("loopb");
        var first = api().put("/api/v1/extensions/" + a + "/schedule", """
                {"ownHours": true, "officeHours": {"monday": ["09:00-17:00"]},
                 "nonOfficeHoursAction": {"type": "extension", "target": "%s"}}""".formatted(b));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var loop = api().put("/api/v1/extensions/" + b + "/schedule", """
                {"ownHours": false, "breakTimeAction": {"type": "extension", "target": "%s"},
                 "nonOfficeHoursAction": {"type": "voicemail", "target": ""}}""".formatted(a));
        assertThat(loop.status()).isEqualTo(400);
        assertThat(fields(loop)).isEqualTo("breakTimeAction");
        assertThat(loop.body()).contains(a + " → " + b + " → " + a);
        // the global action to an extension that follows the global actions would call itself forever
        var self = api().put("/api/v1/schedule", """
                {"nonOfficeHoursAction": {"type": "extension", "target": "%s"},
                 "breakTimeAction": {"type": "voicemail", "target": ""}}""".formatted(b));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains(b + " → " + b);
        assertThat(api().get("/api/v1/schedule").json().path("nonOfficeHoursAction").path("type").asString())
                .isEqualTo("voicemail");
    }

    @Test
    default void holidaysWithAudioAreListedAndDecideTheStatus() {
        resetTenant();
        String ext = newExtension("holiday");
        LocalDate today = LocalDate.ofInstant(clock().instant(), ZoneId.of("Europe/Berlin"));
        var bad = api().post("/api/v1/schedule/holidays", """
                {"name": "", "date": "2026-02-30", "allDay": false, "start": "10:00", "yearly": true}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).contains("name", "date", "end");
        var created = api().post("/api/v1/schedule/holidays", """
                {"name": "Founders Day", "date": "%s", "allDay": true, "yearly": false}""".formatted(today));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api().get("/api/v1/extensions/" + ext + "/schedule").json().path("status").path("reason")
                .asString()).isEqualTo("holiday Founders Day");

        var notWav = api().putBytes("/api/v1/schedule/holidays/" + id + "/audio", "audio/wav", new byte[]{1, 2, 3});
        assertThat(notWav.status()).as(notWav.body()).isEqualTo(400);
        assertThat(fields(notWav)).isEqualTo("audio");
        var uploaded = api().putBytes("/api/v1/schedule/holidays/" + id + "/audio", "audio/wav", toneWav());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().path("audio").asBoolean()).isTrue();
        var status = api().get("/api/v1/extensions/" + ext + "/schedule").json().path("status");
        assertThat(status.path("action").path("type").asString()).isEqualTo("holiday");
        assertThat(status.path("holiday").asString()).isEqualTo("Founders Day");

        var exempt = api().put("/api/v1/extensions/" + ext + "/schedule", """
                {"exemptFromGlobalHolidays": true}""");
        assertThat(exempt.json().path("status").path("state").asString()).isEqualTo("open");

        var ownRange = api().post("/api/v1/extensions/" + ext + "/holidays", """
                {"name": "Dentist", "date": "%s", "allDay": false, "start": "00:00", "end": "24:00"}""".formatted(today));
        assertThat(ownRange.status()).as(ownRange.body()).isEqualTo(201);
        assertThat(ownRange.text("end")).isEqualTo("24:00");
        assertThat(api().get("/api/v1/extensions/" + ext + "/schedule").json().path("status").path("reason")
                .asString()).isEqualTo("holiday Dentist");
        assertThat(api().delete("/api/v1/schedule/holidays/" + id).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/schedule/holidays").body()).doesNotContain("Founders Day");
        assertThat(api().delete("/api/v1/extensions/" + ext + "/holidays/" + ownRange.text("id")).status())
                .isEqualTo(204);
    }

    @Test
    default void anOverrideForcesTheStateUntilItsTimeAndCanBeLifted() {
        resetTenant();
        String until = clock().instant().plusSeconds(3600).toString();
        var bad = api().put("/api/v1/schedule/override", """
                {"mode": "ajar", "until": "yesterday"}""");
        assertThat(fields(bad)).contains("mode", "until");
        var forced = api().put("/api/v1/schedule/override", """
                {"mode": "closed", "until": "%s"}""".formatted(until));
        assertThat(forced.status()).as(forced.body()).isEqualTo(200);
        assertThat(forced.json().path("override").path("mode").asString()).isEqualTo("closed");
        assertThat(forced.json().path("status").path("state").asString()).isEqualTo("closed");
        assertThat(forced.json().path("status").path("reason").asString()).startsWith("forced closed until");
        advance(java.time.Duration.ofMinutes(61));
        assertThat(api().get("/api/v1/schedule").json().path("status").path("state").asString()).isEqualTo("open");
        api().put("/api/v1/schedule/override", """
                {"mode": "closed", "until": "%s"}""".formatted(clock().instant().plusSeconds(600)));
        var lifted = api().delete("/api/v1/schedule/override");
        assertThat(lifted.json().path("override").isNull()).isTrue();
        assertThat(lifted.json().path("status").path("state").asString()).isEqualTo("open");
    }

    @Test
    default void usersEditTheirOwnScheduleOnlyAndNeverTheGlobalOne() {
        String email = uniqueEmail("own");
        String mine = api().createExtension(email, "agent").text("number");
        String theirs = newExtension("theirs");
        setWebPassword(email);
        Api me = apiAs(email);
        var saved = me.put("/api/v1/extensions/" + mine + "/schedule", """
                {"ownHours": true, "officeHours": {"tuesday": ["08:00-16:00"]}}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("officeHours").path("tuesday").get(0).asString()).isEqualTo("08:00-16:00");
        assertThat(me.get("/api/v1/extensions/" + theirs + "/schedule").status()).isEqualTo(404);
        assertThat(me.put("/api/v1/schedule", "{}").status()).isEqualTo(403);
        assertThat(me.post("/api/v1/schedule/holidays", """
                {"name": "Mine", "date": "2026-12-24"}""").status()).isEqualTo(403);
    }
}
