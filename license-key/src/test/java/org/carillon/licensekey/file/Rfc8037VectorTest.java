package org.carillon.licensekey.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * RFC 8037 Appendix A.4 (Ed25519 signing): the key of A.1, header {@code {"alg":"EdDSA"}} and payload
 * "Example of Ed25519 signing" must give the RFC's exact JWS. Copied from the RFC as test data.
 */
class Rfc8037VectorTest {

    private static final String D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String EXPECTED = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

    @Test
    void signsTheRfc8037ExampleExactly() throws Exception {
        PrivateKey key = KeyFactory.getInstance("Ed25519")
                .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Base64Url.decode(D)));
        assertThat(LicenseSigner.signCompact("{\"alg\":\"EdDSA\"}", "Example of Ed25519 signing", key)).isEqualTo(EXPECTED);
    }
}
