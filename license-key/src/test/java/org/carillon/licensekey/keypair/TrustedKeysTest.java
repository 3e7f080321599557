package org.carillon.licensekey.keypair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TrustedKeysTest {

    private static final java.security.PublicKey KEY = Ed25519Keys.generate(new SecureRandom()).getPublic();

    @Test
    void findsKeysByKidWithTheirTrust() {
        TrustedKeys keys = DevelopmentKey.trustedBy(TrustedKeys.none().with("prod-2026", KEY, TrustedKeys.Trust.PRODUCTION));
        assertThat(keys.kids()).containsExactlyInAnyOrder("prod-2026", DevelopmentKey.KID);
        assertThat(keys.find("prod-2026")).hasValueSatisfying(e -> assertThat(e.trust()).isEqualTo(TrustedKeys.Trust.PRODUCTION));
        assertThat(keys.find(DevelopmentKey.KID)).hasValueSatisfying(e -> assertThat(e.trust()).isEqualTo(TrustedKeys.Trust.DEVELOPMENT));
        assertThat(keys.find("other")).isEmpty();
    }

    @Test
    void refusesDuplicateOrMalformedKids() {
        TrustedKeys keys = TrustedKeys.none().with("a", KEY, TrustedKeys.Trust.PRODUCTION);
        assertThatThrownBy(() -> keys.with("a", KEY, TrustedKeys.Trust.PRODUCTION)).hasMessageContaining("already");
        assertThatThrownBy(() -> keys.with("a b", KEY, TrustedKeys.Trust.PRODUCTION)).hasMessageContaining("bad key id");
        assertThatThrownBy(() -> keys.with("", KEY, TrustedKeys.Trust.PRODUCTION)).hasMessageContaining("bad key id");
    }

    @Test
    void isImmutable() {
        TrustedKeys none = TrustedKeys.none();
        none.with("a", KEY, TrustedKeys.Trust.PRODUCTION);
        assertThat(none.kids()).isEmpty();
    }
}
