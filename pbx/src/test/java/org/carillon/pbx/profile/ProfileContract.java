package org.carillon.pbx.profile;

import org.carillon.pbx.call.CallForwarding;
import org.carillon.pbx.call.Destination;
import org.carillon.pbx.feature.Api;
import org.carillon.pbx.feature.FeatureFixture;
import org.carillon.pbx.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Call profiles (issue 12): API, defaults, validation, and the CallForwarding rule they give with schedules. */
public interface ProfileContract extends FeatureFixture {

    private String newExtension(String who) {
        return api().createExtension(uniqueEmail(who), "agent").text("number");
    }

    private CallForwarding.Rule rule(String callee, boolean internal) {
        long tenant = bean(TenantDirectory.class).current().id();
        return bean(CallForwarding.class).ruleFor(new CallForwarding.Request(tenant, callee, internal ? "1999"
                : "+4930123456", internal, clock().instant()));
    }

    private void openAllDay() {
        api().delete("/api/v1/schedule/override");
        api().get("/api/v1/schedule/holidays").json()
                .forEach(h -> api().delete("/api/v1/schedule/holidays/" + h.path("id").asString()));
        var r = api().put("/api/v1/schedule", """
                {"officeHours": {}, "breakHours": {}, "nonOfficeHoursAction": {"type": "voicemail", "target": ""},
                 "breakTimeAction": {"type": "voicemail", "target": ""}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    default void everyExtensionStartsWithAvailableActiveAndTheDefaultRules() {
        openAllDay();
        String n = newExtension("prof");
        var r = api().get("/api/v1/extensions/" + n + "/profile");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("active")).isEqualTo("available");
        assertThat(r.json().path("profiles").findValuesAsString("name")).containsExactly("available", "busy", "away");
        assertThat(r.json().path("profiles").get(1).path("dialCode").asString()).isEqualTo("*762");
        CallForwarding.Rule available = rule(n, true);
        assertThat(available.ringFor()).isEqualTo(Duration.ofSeconds(20));
        assertThat(available.onNoAnswer()).isEqualTo(new Destination(Destination.Type.VOICEMAIL, n));
        assertThat(available.reason()).isEqualTo("profile Available");

        var away = api().put("/api/v1/extensions/" + n + "/profile", """
                {"active": "Away"}""");
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        assertThat(away.text("active")).isEqualTo("away");
        CallForwarding.Rule straight = rule(n, false);
        assertThat(straight.ringFor()).isEqualTo(Duration.ZERO);
        assertThat(straight.onNoAnswer()).isEqualTo(new Destination(Destination.Type.VOICEMAIL, n));
        assertThat(straight.reason()).isEqualTo("profile Away");

        var unknown = api().put("/api/v1/extensions/" + n + "/profile", """
                {"active": "sleeping"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("active");
        assertThat(unknown.body()).contains("available, busy, away");
    }

    @Test
    default void customProfilesKeepSeparateRulesForInternalAndExternalCallers() {
        openAllDay();
        String n = newExtension("custom");
        String colleague = newExtension("colleague");
        var bad = api().post("/api/v1/extensions/" + n + "/profiles", """
                {"name": "busy", "internal": {"ringSeconds": 999, "onNoAnswer": {"type": "park", "target": ""}},
                 "external": {"onBusy": {"type": "extension", "target": "8998"}}}""");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
                "internal.ringSeconds", "internal.onNoAnswer.type", "external.onBusy.target");
        var created = api().post("/api/v1/extensions/" + n + "/profiles", """
                {"name": "Lunch", "callWaiting": false,
                 "internal": {"ringSeconds": 10, "onNoAnswer": {"type": "extension", "target": "%s"}},
                 "external": {"ringSeconds": 0, "ringMobile": true, "onNoAnswer": {"type": "hangup", "target": "busy"}}}"""
                .formatted(colleague));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("dialCode")).isEqualTo("*764");
        assertThat(created.json().path("external").path("mobileReachable").asBoolean()).isFalse();
        assertThat(created.json().path("notes").get(0).asString()).contains("no outbound trunk");
        assertThat(api().put("/api/v1/extensions/" + n + "/profile", """
                {"active": "lunch"}""").text("active")).isEqualTo("Lunch");
        CallForwarding.Rule internal = rule(n, true);
        assertThat(internal.ringFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(internal.onNoAnswer()).isEqualTo(Destination.extension(colleague));
        assertThat(internal.reason()).isEqualTo("profile Lunch");
        CallForwarding.Rule external = rule(n, false);
        assertThat(external.ringFor()).isEqualTo(Duration.ZERO);
        assertThat(external.onNoAnswer()).isEqualTo(new Destination(Destination.Type.HANGUP, "busy"));
        assertThat(external.reason()).isEqualTo("profile Lunch; mobile not rung: no outbound trunk");

        assertThat(api().delete("/api/v1/extensions/" + n + "/profiles/busy").status()).isEqualTo(400);
        assertThat(api().delete("/api/v1/extensions/" + n + "/profiles/lunch").status()).isEqualTo(204);
        assertThat(api().get("/api/v1/extensions/" + n + "/profile").text("active")).isEqualTo("available");
        assertThat(api().delete("/api/v1/extensions/" + n + "/profiles/lunch").status()).isEqualTo(404);
    }

    @Test
    default void theScheduleComesBeforeTheProfileAndNamesItsRule() {
        openAllDay();
        String n = newExtension("sched");
        var holiday = api().post("/api/v1/extensions/" + n + "/holidays", """
                {"name": "Christmas", "date": "%s", "allDay": true}"""
                .formatted(LocalDate.ofInstant(clock().instant(), bean(TenantDirectory.class).current().timeZone())));
        assertThat(holiday.status()).as(holiday.body()).isEqualTo(201);
        CallForwarding.Rule onHoliday = rule(n, true);
        assertThat(onHoliday.ringFor()).isEqualTo(Duration.ZERO);
        assertThat(onHoliday.reason()).isEqualTo("holiday Christmas");
        assertThat(onHoliday.onNoAnswer()).isEqualTo(new Destination(Destination.Type.VOICEMAIL, n));
        api().delete("/api/v1/extensions/" + n + "/holidays/" + holiday.text("id"));

        api().put("/api/v1/extensions/" + n + "/schedule", """
                {"ownHours": true, "officeHours": {}, "nonOfficeHoursAction": {"type": "hangup", "target": "busy"}}""");
        var closed = api().put("/api/v1/schedule/override", """
                {"mode": "closed", "until": "%s"}""".formatted(clock().instant().plusSeconds(600)));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        try {
            CallForwarding.Rule shut = rule(n, false);
            assertThat(shut.reason()).startsWith("forced closed until");
            assertThat(shut.onNoAnswer()).isEqualTo(new Destination(Destination.Type.HANGUP, "busy"));
        } finally {
            api().delete("/api/v1/schedule/override");
        }
        assertThat(rule(n, false).reason()).isEqualTo("profile Available");
    }

    @Test
    default void theDialCodeCyclesOrSelectsByPosition() {
        openAllDay();
        String n = newExtension("code");
        var service = bean(ProfileService.class);
        long tenant = bean(TenantDirectory.class).current().id();
        assertThat(service.activateByCode(tenant, n, "").map(CallProfile::name)).contains("busy");
        assertThat(service.activateByCode(tenant, n, "").map(CallProfile::name)).contains("away");
        assertThat(service.activateByCode(tenant, n, "").map(CallProfile::name)).contains("available");
        assertThat(service.activateByCode(tenant, n, "3").map(CallProfile::name)).contains("away");
        assertThat(service.activateByCode(tenant, n, "9")).isEmpty();
        assertThat(api().get("/api/v1/extensions/" + n + "/profile").text("active")).isEqualTo("away");
    }

    @Test
    default void usersSwitchTheirOwnProfileOnly() {
        String email = uniqueEmail("self");
        String mine = api().createExtension(email, "agent").text("number");
        String theirs = newExtension("notmine");
        setWebPassword(email);
        Api me = apiAs(email);
        assertThat(me.put("/api/v1/extensions/" + mine + "/profile", """
                {"active": "busy"}""").text("active")).isEqualTo("busy");
        assertThat(me.put("/api/v1/extensions/" + theirs + "/profile", """
                {"active": "busy"}""").status()).isEqualTo(404);
        assertThat(me.put("/api/v1/extensions/" + mine + "/profile", """
                {"active": "busy", "since": "now"}""").status()).isEqualTo(400);
    }

    @Test
    default void theProfilesRingTimeGovernsEvenBeyondTheNoAnswerSetting() {
        openAllDay();
        String n = newExtension("long");
        var r = api().put("/api/v1/extensions/" + n + "/profiles/available", """
                {"internal": {"ringSeconds": 45}, "external": {"ringSeconds": 7}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        // CARILLON_CALL_NO_ANSWER_SECONDS is 30 here: it used to cap the 45 s
        assertThat(rule(n, true).ringFor()).isEqualTo(Duration.ofSeconds(45));
        assertThat(rule(n, false).ringFor()).isEqualTo(Duration.ofSeconds(7));
        CallForwarding.Rule none = rule("8997", true);
        assertThat(none.reason()).isEqualTo("default");
        assertThat(none.ringFor()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    default void savingAProfileThatForwardsBackIntoItselfIsRefusedNamingTheLoop() {
        openAllDay();
        String a = newExtension("loopa");
        String b = newExtension("loopb");
        var self = api().put("/api/v1/extensions/" + a + "/profiles/busy", """
                {"internal": {"ringSeconds": 0, "onBusy": {"type": "extension", "target": "%s"}}}""".formatted(a));
        assertThat(self.status()).as(self.body()).isEqualTo(400);
        assertThat(self.json().path("errors").get(0).path("field").asString()).isEqualTo("internal.onBusy");
        assertThat(self.body()).contains(a + " → " + a);

        var toB = api().put("/api/v1/extensions/" + a + "/profiles/available", """
                {"external": {"onNoAnswer": {"type": "extension", "target": "%s"}}}""".formatted(b));
        assertThat(toB.status()).as(toB.body()).isEqualTo(200);
        // b's active profile sending calls back to a closes the loop a → b → a
        var back = api().put("/api/v1/extensions/" + b + "/profiles/available", """
                {"internal": {"onUnregistered": {"type": "extension", "target": "%s"}}}""".formatted(a));
        assertThat(back.status()).as(back.body()).isEqualTo(400);
        assertThat(back.json().path("errors").get(0).path("field").asString()).isEqualTo("internal.onUnregistered");
        assertThat(back.body()).contains("would route calls in a loop: " + b + " → " + a + " → " + b);
        // a custom profile of b (not active) is checked too: *76 may switch it on at any moment
        var custom = api().post("/api/v1/extensions/" + b + "/profiles", """
                {"name": "Desk", "external": {"onBusy": {"type": "extension", "target": "%s"}}}""".formatted(a));
        assertThat(custom.status()).as(custom.body()).isEqualTo(400);
        assertThat(custom.json().path("errors").get(0).path("field").asString()).isEqualTo("external.onBusy");

        String team = api().post("/api/v1/teams", """
                {"name": "Loop desk %s", "strategy": "ring_all", "members": ["%s"], "ringSeconds": 10,
                 "maxWaitSeconds": 60}""".formatted(b, a)).text("number");
        var viaTeam = api().put("/api/v1/extensions/" + b + "/profiles/busy", """
                {"internal": {"onBusy": {"type": "team", "target": "%s"}}}""".formatted(team));
        assertThat(viaTeam.status()).as(viaTeam.body()).isEqualTo(400);
        assertThat(viaTeam.body()).contains(b + " → team " + team + " → " + a + " → " + b);
        // nothing was saved by the refused requests
        assertThat(api().get("/api/v1/extensions/" + b + "/profiles").json().get(1).path("internal")
                .path("onBusy").path("type").asString()).isEqualTo("voicemail");
    }

    @Test
    default void theProfileSwitchesByOfficeHoursAndAManualSwitchHoldsUntilTheNextBoundary() {
        openAllDay();
        String n = newExtension("auto");
        var zone = bean(TenantDirectory.class).current().timeZone();
        // the extension's own office hours, every day: from 10 minutes from now for an hour, wall-clock in the zone
        var start = java.time.LocalTime.ofInstant(clock().instant(), zone).truncatedTo(java.time.temporal.ChronoUnit
                .MINUTES).plusMinutes(10);
        String span = "\"" + start + "-" + start.plusMinutes(60) + "\"";
        String days = java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(d -> "\"" + d.name().toLowerCase() + "\": [" + span + "]")
                .collect(java.util.stream.Collectors.joining(", "));
        var own = api().put("/api/v1/extensions/" + n + "/schedule", "{\"ownHours\": true, \"officeHours\": {"
                + days + "}}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);

        String url = "/api/v1/extensions/" + n + "/profile/automatic";
        assertThat(api().get(url).json().path("enabled").asBoolean()).isFalse();
        var missing = api().put(url, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("enabled");
        var unknown = api().put(url, """
                {"enabled": true, "inOfficeHours": "sleeping"}""");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("inOfficeHours");
        assertThat(unknown.body()).contains("available, busy, away");
        var same = api().put(url, """
                {"enabled": true, "inOfficeHours": "away", "outsideOfficeHours": "3"}""");
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.json().path("errors").get(0).path("field").asString()).isEqualTo("outsideOfficeHours");

        List<ProfileChanged> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        var events = context().getBean(
                org.springframework.context.support.AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                org.springframework.context.event.ApplicationEventMulticaster.class);
        org.springframework.context.ApplicationListener<org.springframework.context.ApplicationEvent> listener = e -> {
            if (e instanceof org.springframework.context.PayloadApplicationEvent<?> p
                    && p.getPayload() instanceof ProfileChanged c) {
                published.add(c);
            }
        };
        events.addApplicationListener(listener);
        try {
            var on = api().put(url, """
                    {"enabled": true, "inOfficeHours": "available", "outsideOfficeHours": "away"}""");
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            assertThat(on.json().path("enabled").asBoolean()).isTrue();
            var sweep = bean(ProfileAutoSwitch.class);
            sweep.sweep();
            assertThat(active(n)).isEqualTo("away");
            advance(Duration.ofMinutes(11));
            sweep.sweep();
            assertThat(active(n)).isEqualTo("available");
            // a manual switch holds until the next boundary
            assertThat(api().put("/api/v1/extensions/" + n + "/profile", """
                    {"active": "busy"}""").status()).isEqualTo(200);
            advance(Duration.ofMinutes(20));
            sweep.sweep();
            assertThat(active(n)).isEqualTo("busy");
            advance(Duration.ofMinutes(45)); // past the end: start + 60 min is at most 70 min after the first sweep
            sweep.sweep();
            assertThat(active(n)).isEqualTo("away");
            assertThat(published).filteredOn(p -> p.extension().equals(n)).extracting(ProfileChanged::active)
                    .containsExactly("away", "available", "busy", "away");
        } finally {
            events.removeApplicationListener(listener);
        }
        var audit = api().get("/api/v1/audit?objectId=" + n).json().path("items");
        assertThat(audit.findValuesAsString("source")).contains("automatic: office hours began",
                "automatic: office hours ended");
        var off = api().put(url, """
                {"enabled": false}""");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(api().get(url).json().path("enabled").asBoolean()).isFalse();
    }

    private String active(String number) {
        return api().get("/api/v1/extensions/" + number + "/profile").text("active");
    }
}
