package org.carillon.licensekey.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.carillon.licensekey.file.License;
import org.carillon.licensekey.file.LicenseBuilder;
import org.carillon.licensekey.file.Limits;
import org.carillon.licensekey.installation.InstallationFingerprint;
import org.junit.jupiter.api.Test;

/** Subscription 2026-01-01..2026-12-31 with 14 grace days; the file is valid to 2027-06-01 unless noted. */
class LicenseEvaluatorTest {

    private static final InstallationFingerprint HERE = InstallationFingerprint.of("m", "here");
    private static final InstallationFingerprint THERE = InstallationFingerprint.of("m", "there");
    private static final License YEAR = base().validity(at("2025-12-20T00:00:00Z"), at("2027-06-01T00:00:00Z")).build();

    @Test
    void isNotYetValidBeforeTheStartDayAndValidFromItsFirstSecond() {
        assertThat(state(YEAR, "2025-12-31T23:59:59Z")).isEqualTo(LicenseState.NOT_YET_VALID);
        assertThat(status(YEAR, "2025-12-31T23:59:59Z").nextChange()).contains(at("2026-01-01T00:00:00Z"));
        assertThat(state(YEAR, "2026-01-01T00:00:00Z")).isEqualTo(LicenseState.VALID);
    }

    @Test
    void coversTheWholeLastDayThenGivesGraceThenRestricts() {
        assertThat(state(YEAR, "2026-12-31T23:59:59Z")).isEqualTo(LicenseState.VALID);
        assertThat(status(YEAR, "2026-12-31T23:59:59Z").nextChange()).contains(at("2027-01-01T00:00:00Z"));
        assertThat(state(YEAR, "2027-01-01T00:00:00Z")).isEqualTo(LicenseState.GRACE);
        assertThat(status(YEAR, "2027-01-01T00:00:00Z").nextChange()).contains(at("2027-01-15T00:00:00Z"));
        assertThat(state(YEAR, "2027-01-14T23:59:59Z")).isEqualTo(LicenseState.GRACE);
        assertThat(state(YEAR, "2027-01-15T00:00:00Z")).isEqualTo(LicenseState.RESTRICTED);
        assertThat(status(YEAR, "2027-01-15T00:00:00Z").nextChange()).isEmpty();
    }

    @Test
    void settingTheClockBackNeverExtendsTheLicense() {
        LicenseStatus s = LicenseEvaluator.evaluate(YEAR, HERE, at("2026-06-01T00:00:00Z"), at("2027-02-01T00:00:00Z"));
        assertThat(s.state()).isEqualTo(LicenseState.RESTRICTED);
        assertThat(s.effectiveNow()).isEqualTo(at("2027-02-01T00:00:00Z"));
        assertThat(s.highestSeen()).isEqualTo(at("2027-02-01T00:00:00Z"));
        assertThat(status(YEAR, "2026-06-01T00:00:00Z").highestSeen()).isEqualTo(at("2026-06-01T00:00:00Z"));
    }

    @Test
    void anExpiredFileAsksForARefreshAndStartsGraceEvenWithinTheEntitlement() {
        License monthly = base().validity(at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z")).build();
        LicenseStatus before = status(monthly, "2026-03-30T23:59:59Z");
        assertThat(before.state()).isEqualTo(LicenseState.VALID);
        assertThat(before.refreshNeeded()).isFalse();
        LicenseStatus after = status(monthly, "2026-03-31T00:00:00Z");
        assertThat(after.state()).isEqualTo(LicenseState.GRACE);
        assertThat(after.refreshNeeded()).isTrue();
        assertThat(after.nextChange()).contains(at("2026-04-14T00:00:00Z"));
        assertThat(state(monthly, "2026-04-14T00:00:00Z")).isEqualTo(LicenseState.RESTRICTED);
    }

    @Test
    void aPerpetualLicenseStaysValidWhileItsFileIsFresh() {
        License perpetual = base().perpetual(LocalDate.parse("2020-01-01"))
                .validity(at("2030-01-01T00:00:00Z"), at("2030-02-01T00:00:00Z")).build();
        assertThat(state(perpetual, "2030-01-31T00:00:00Z")).isEqualTo(LicenseState.VALID);
        assertThat(status(perpetual, "2030-02-01T00:00:00Z").refreshNeeded()).isTrue();
        assertThat(state(perpetual, "2030-02-01T00:00:00Z")).isEqualTo(LicenseState.GRACE);
    }

    @Test
    void aFileForAnotherInstallationIsRestricted() {
        License elsewhere = base().installation(THERE).validity(at("2025-12-20T00:00:00Z"), at("2027-06-01T00:00:00Z")).build();
        LicenseStatus s = status(elsewhere, "2026-06-01T00:00:00Z");
        assertThat(s.state()).isEqualTo(LicenseState.RESTRICTED);
        assertThat(s.wrongInstallation()).isTrue();
    }

    @Test
    void anUnboundDevelopmentFileAppliesToAnyInstallation() {
        License unbound = License.builder().licenseId("dev").accountId("a").licensee("x").edition("development")
                .subscription(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")).limits(new Limits(5, 5, 1))
                .validity(at("2026-01-01T00:00:00Z"), at("2027-01-01T00:00:00Z")).build();
        assertThat(state(unbound, "2026-06-01T00:00:00Z")).isEqualTo(LicenseState.VALID);
    }

    @Test
    void statesSayWhatTheyAllowAndWhenToWarn() {
        assertThat(LicenseState.VALID.allowsGrowth()).isTrue();
        assertThat(LicenseState.GRACE.allowsGrowth()).isTrue();
        assertThat(LicenseState.RESTRICTED.allowsGrowth()).isFalse();
        assertThat(LicenseState.NOT_YET_VALID.allowsGrowth()).isFalse();
        assertThat(LicenseState.VALID.needsBanner()).isFalse();
        assertThat(LicenseState.GRACE.needsBanner()).isTrue();
    }

    private static LicenseBuilder base() {
        return License.builder().licenseId("l").accountId("a").licensee("x").edition("pro")
                .subscription(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))
                .graceDays(14).limits(new Limits(50, 10, 1)).installation(HERE);
    }

    private static LicenseState state(License l, String now) {
        return status(l, now).state();
    }

    private static LicenseStatus status(License l, String now) {
        return LicenseEvaluator.evaluate(l, HERE, at(now), Instant.EPOCH);
    }

    private static Instant at(String s) {
        return Instant.parse(s);
    }
}
