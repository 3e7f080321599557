package org.carillon.pbx.feature;

import org.carillon.pbx.call.CallRecord;
import org.carillon.pbx.call.CallResult;
import org.carillon.pbx.cdr.CdrStore;
import org.carillon.pbx.tenant.Tenant;
import org.carillon.pbx.tenant.TenantDirectory;
import org.carillon.pbx.voicemail.VoicemailMessage;
import org.carillon.pbx.voicemail.VoicemailStore;
import org.carillon.platform.testing.WebClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's figures (SPEC §5): registered devices, calls now, calls today per hour in the tenant's time zone,
 * voicemail waiting — and the per-hour count query they rest on, on each database.
 */
public interface DashboardContract extends FeatureFixture {

    private CallRecord call(long tenantId, Instant startedAt) {
        return new CallRecord(UUID.randomUUID().toString(), tenantId, "1000", "1001", Optional.of("1001"), startedAt,
                Optional.of(startedAt), startedAt.plusSeconds(30), CallResult.ANSWERED, 200, "caller", List.of());
    }

    @Test
    default void callsArePerHourFromLocalMidnightAndOutsideTheDayNotCounted() {
        long tenant = bean(TenantDirectory.class).current().id();
        var store = bean(CdrStore.class);
        // a day long past, so the calls of other tests are not in it; Berlin's 2001-03-25 had 23 hours (DST)
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant midnight = ZonedDateTime.of(2001, 3, 25, 0, 0, 0, 0, berlin).toInstant();
        store.insertAll(List.of(
                call(tenant, midnight.minusMillis(1)),                        // yesterday
                call(tenant, midnight),                                        // hour 0
                call(tenant, midnight.plusSeconds(3599).plusMillis(999)),      // hour 0
                call(tenant, midnight.plusSeconds(3600)),                      // hour 1
                call(tenant, midnight.plusSeconds(2 * 3600 + 1800)),           // hour 2: 03:30 local
                call(tenant, midnight.plusSeconds(22 * 3600 + 3599)),          // hour 22: the day's last
                call(tenant, midnight.plusSeconds(23 * 3600))));               // tomorrow
        long[] counts = store.countPerHour(tenant, midnight, 23);
        assertThat(counts).hasSize(23);
        assertThat(counts[0]).isEqualTo(2);
        assertThat(counts[1]).isEqualTo(1);
        assertThat(counts[2]).isEqualTo(1);
        assertThat(counts[22]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(5);
        assertThat(store.countPerHour(tenant + 1_000_000, midnight, 23)).containsOnly(0L);
    }

    private static long figure(String html, String id) {
        var m = Pattern.compile("id=\"" + id + "\"[^>]*>(\\d+)<").matcher(html);
        assertThat(m.find()).as(id + " in the dashboard").isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long bar(String html, int hour) {
        var m = Pattern.compile("data-hour=\"" + hour + "\" data-calls=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("bar of hour " + hour).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    default void theOwnerSeesRegisteredDevicesCallsTodayByHourAndVoicemailWaiting() {
        var ext = api().createExtension(uniqueEmail("dash"), "agent");
        String number = ext.text("number");
        long extensionId = jdbc().sql("SELECT id FROM extension WHERE number = ?").param(number)
                .query(Long.class).single();
        Tenant tenant = bean(TenantDirectory.class).current();
        WebClient web = new WebClient(httpPort());
        web.login(OWNER, OWNER_PASSWORD);
        String before = web.get("/").body();
        assertThat(figure(before, "registered-devices")).isZero();

        Instant now = clock().instant();
        Instant midnight = now.atZone(tenant.timeZone()).toLocalDate().atStartOfDay(tenant.timeZone()).toInstant();
        int hour = (int) Duration.between(midnight, now).toHours();
        bean(CdrStore.class).insert(call(tenant.id(), now));
        bean(VoicemailStore.class).insertMessage(new VoicemailMessage(UUID.randomUUID().toString(), tenant.id(),
                extensionId, "1000", now, Duration.ofSeconds(5), false));
        try (var phone = new SipTestClient(sipPort())) {
            assertThat(phone.register(number, ext.text("username"), ext.text("password"), 120).statusCode())
                    .isEqualTo(200);
            var page = web.get("/");
            assertThat(page.statusCode()).isEqualTo(200);
            String after = page.body();
            assertThat(figure(after, "registered-devices")).isEqualTo(1);
            assertThat(after).contains("1 extension(s) with a device");
            assertThat(figure(after, "calls-now")).isZero();
            assertThat(figure(after, "calls-today") - figure(before, "calls-today")).isEqualTo(1);
            assertThat(bar(after, hour) - bar(before, hour)).isEqualTo(1);
            assertThat(figure(after, "voicemail-waiting") - figure(before, "voicemail-waiting")).isEqualTo(1);
            assertThat(after).contains("id=\"calls-per-hour-table\"").contains("hx-trigger=\"refresh, every 30s\"")
                    .contains("data-status-stream=\"/extensions/status-stream\"")
                    .contains("data-call-stream=\"/calls/active/stream\"");

            var live = web.get("/dashboard/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(figure(live.body(), "registered-devices")).isEqualTo(1);
            assertThat(live.body()).doesNotContain("<html");
        }
    }

    @Test
    default void anAgentSeesNoFiguresAndMayNotReadTheLiveFragment() {
        String email = uniqueEmail("dash-agent");
        api().createExtension(email, "agent");
        setWebPassword(email);
        WebClient web = new WebClient(httpPort());
        web.login(email, USER_PASSWORD);
        assertThat(web.get("/").body()).doesNotContain("registered-devices");
        assertThat(web.get("/dashboard/live").statusCode()).isEqualTo(403);
    }
}
