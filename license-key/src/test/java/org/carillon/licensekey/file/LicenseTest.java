package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LicenseTest {

    @Test
    void dropsSubSecondPartsOfInstants() {
        License l = builder().validity(Instant.parse("2026-01-01T00:00:00.900Z"), Instant.parse("2026-02-01T00:00:00.1Z")).build();
        assertThat(l.issuedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(l.expiresAt()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void answersFeatureAndBindingQuestions() {
        assertThat(Fixtures.golden().hasFeature("contact_centre")).isTrue();
        assertThat(Fixtures.golden().hasFeature("wallboard")).isFalse();
        assertThat(Fixtures.golden().unbound()).isFalse();
        assertThat(builder().build().unbound()).isTrue();
    }

    @Test
    void refusesInconsistentOrMalformedComponents() {
        refused(b -> b.licensee(" "), "licensee");
        refused(b -> b.licensee("a\nb"), "control");
        refused(b -> b.edition("Pro"), "lower-case code");
        refused(b -> b.features(List.of("x", "x")), "repeat");
        refused(b -> b.features(List.of("Bad Feature")), "lower-case code");
        refused(b -> b.subscription(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-31")), "ends before");
        refused(b -> b.graceDays(366), "grace");
        refused(b -> b.subscription(LocalDate.parse("1999-12-31"), LocalDate.parse("2026-01-31")), "years");
        refused(b -> b.subscription(LocalDate.parse("2026-01-01"), LocalDate.MAX), "years");
        refused(b -> b.sequence(-1), "sequence");
        refused(b -> b.validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00.5Z")), "expire after");
        refused(b -> b.limits(null), null);
    }

    @Test
    void limitsAllowCreatingUpToTheCount() {
        Limits l = new Limits(50, 10, 1);
        assertThat(l.allowsAnotherExtension(49)).isTrue();
        assertThat(l.allowsAnotherExtension(50)).isFalse();
        assertThat(new Limits(Limits.UNLIMITED, 1, 1).allowsAnotherExtension(Integer.MAX_VALUE)).isTrue();
        assertThatThrownBy(() -> new Limits(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LicenseBuilder builder() {
        return License.builder().licenseId("l").accountId("a").licensee("x").edition("basic")
                .subscription(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"))
                .limits(new Limits(1, 1, 1))
                .validity(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));
    }

    private static void refused(UnaryOperator<LicenseBuilder> change, String message) {
        var thrown = assertThatThrownBy(() -> change.apply(builder()).build()).isInstanceOf(RuntimeException.class);
        if (message != null) {
            thrown.hasMessageContaining(message);
        }
    }
}
