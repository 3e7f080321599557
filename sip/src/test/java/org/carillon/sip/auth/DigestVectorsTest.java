package org.carillon.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7616 §3.9.1: the example with SHA-256 and with MD5 (same user, nonce and cnonce). */
class DigestVectorsTest {
    private static final String REALM = "http-auth@example.org";
    private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private static DigestCredentials answer(DigestAlgorithm algorithm) {
        DigestChallenge challenge = new DigestChallenge(REALM, NONCE, Optional.of(OPAQUE), algorithm, true, false);
        return new DigestClient("Mufasa", "Circle of Life", () -> CNONCE).credentials(challenge, "GET", "/dir/index.html");
    }

    @Test
    void sha256ResponseMatchesRfc7616Example() {
        DigestCredentials c = answer(DigestAlgorithm.SHA_256);
        assertThat(c.response()).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(c.nc()).contains("00000001");
    }

    @Test
    void md5ResponseMatchesRfc7616Example() {
        assertThat(answer(DigestAlgorithm.MD5).response()).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void credentialsHeaderRoundTripsThroughTheParser() {
        DigestCredentials c = answer(DigestAlgorithm.SHA_256);
        assertThat(DigestCredentials.parse(c.toHeaderValue())).isEqualTo(c);
    }
}
