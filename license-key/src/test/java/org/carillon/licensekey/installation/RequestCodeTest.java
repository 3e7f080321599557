package org.carillon.licensekey.installation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestCodeTest {
    private final RequestCode code = new RequestCode(InstallationFingerprint.of("machine", "install"), "6f1c-install");

    @Test
    void roundTripsThroughItsText() {
        String text = code.encode();
        assertThat(text).startsWith("CARREQ1-").doesNotContain("=").doesNotContain("\n");
        assertThat(RequestCode.parse(text)).isEqualTo(code);
    }

    @Test
    void toleratesWhitespaceAndLineBreaksFromCopyAndPaste() {
        String text = code.encode();
        String pasted = "  " + text.substring(0, 20) + "\r\n" + text.substring(20) + " \n";
        assertThat(RequestCode.parse(pasted)).isEqualTo(code);
    }

    @Test
    void refusesOtherTextWithASentence() {
        assertThatThrownBy(() -> RequestCode.parse("CAR1-04HMA-SW9NF-6YY09-38NKR-2"))
                .hasMessageContaining("not a Carillon request code");
        assertThatThrownBy(() -> RequestCode.parse("CARREQ1-@@@"))
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> RequestCode.parse("CARREQ1-" + "QUJD"))
                .hasMessageContaining("damaged");
        assertThatThrownBy(() -> RequestCode.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
