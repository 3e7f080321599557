package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LicenseCodecTest {

    @Test
    void roundTripsTheGoldenLicense() {
        License l = Fixtures.golden();
        assertThat(LicenseCodec.fromJson(LicenseCodec.toJson(l))).isEqualTo(l);
    }

    @Test
    void writesNoEndForAPerpetualLicenseAndNoFingerprintWhenUnbound() {
        License l = base().perpetual(LocalDate.parse("2026-01-01")).build();
        String json = LicenseCodec.toJson(l);
        assertThat(json).contains("\"term\":\"perpetual\"").doesNotContain("entitlementEnd", "installationFingerprint");
        assertThat(LicenseCodec.fromJson(json)).isEqualTo(l);
    }

    @Test
    void ignoresUnknownMembersFromANewerPortal() {
        String json = LicenseCodec.toJson(Fixtures.golden()).replaceFirst("\\{", "{\"supportLevel\":\"gold\",\"extra\":[1,{\"x\":2}],");
        assertThat(LicenseCodec.fromJson(json)).isEqualTo(Fixtures.golden());
    }

    @Test
    void refusesMissingOrMistypedMembersNamingThem() {
        String json = LicenseCodec.toJson(Fixtures.golden());
        assertRefused(json.replace("\"licensee\":", "\"licensee_\":"), "\"licensee\" is missing");
        assertRefused(json.replace("\"graceDays\":14", "\"graceDays\":\"14\""), "\"graceDays\" must be an integer");
        assertRefused(json.replace("\"sequence\":7", "\"sequence\":-7"), "sequence");
        assertRefused(json.replace("\"features\":[", "\"features\":[3,"), "\"features\" must hold strings");
        assertRefused(json.replace("\"term\":\"subscription\"", "\"term\":\"forever\""), "unknown term");
        assertRefused(json.replace("2027-11-25", "2027-13-25"), "ISO-8601");
        assertRefused(json.replace("\"graceDays\":14", "\"graceDays\":99999999999"), "out of range");
        assertRefused("[]", "must be a JSON object");
    }

    private static LicenseBuilder base() {
        License g = Fixtures.golden();
        return License.builder().licenseId("l").accountId("a").licensee("x").edition("basic")
                .limits(g.limits()).validity(g.issuedAt(), g.expiresAt());
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> LicenseCodec.fromJson(json)).isInstanceOf(JsonException.class).hasMessageContaining(message);
    }
}
