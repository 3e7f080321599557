package org.carillon.platform.settings;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void mapsEnvironmentNamesToProperties() {
        assertThat(Settings.propertyOf("CARILLON_PBX_HTTP_PORT")).isEqualTo("carillon.pbx.http.port");
    }

    @Test
    void portOutOfRangeNamesTheSetting() {
        var settings = new Settings(new MockEnvironment().withProperty("carillon.sip.port", "70000"));
        assertThatThrownBy(() -> settings.port("CARILLON_SIP_PORT", 5060))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("CARILLON_SIP_PORT: 70000 is out of range (1-65535)");
    }

    @Test
    void portThatIsNotANumberNamesTheSetting() {
        var settings = new Settings(new MockEnvironment().withProperty("carillon.sip.port", "five"));
        assertThatThrownBy(() -> settings.port("CARILLON_SIP_PORT", 5060))
                .hasMessageContaining("CARILLON_SIP_PORT").hasMessageContaining("'five' is not a port number");
    }

    @Test
    void emptyValueFallsBackToTheDefault() {
        var settings = new Settings(new MockEnvironment().withProperty("carillon.sip.port", ""));
        assertThat(settings.port("CARILLON_SIP_PORT", 5060)).isEqualTo(5060);
    }

    @Test
    void rtpRangeMustBeOrderedAndAboveTheSystemPorts() {
        var ok = new Settings(new MockEnvironment().withProperty("carillon.rtp.ports", "10000-20000"));
        assertThat(ok.portRange("CARILLON_RTP_PORTS", "10000-20000")).isEqualTo(new Settings.PortRange(10000, 20000));
        var reversed = new Settings(new MockEnvironment().withProperty("carillon.rtp.ports", "20000-10000"));
        assertThatThrownBy(() -> reversed.portRange("CARILLON_RTP_PORTS", "10000-20000"))
                .hasMessageStartingWith("CARILLON_RTP_PORTS:");
        var garbage = new Settings(new MockEnvironment().withProperty("carillon.rtp.ports", "lots"));
        assertThatThrownBy(() -> garbage.portRange("CARILLON_RTP_PORTS", "10000-20000"))
                .hasMessageStartingWith("CARILLON_RTP_PORTS:");
    }

    @Test
    void unwritableDataDirectoryNamesTheSetting() {
        assertThatThrownBy(() -> DataDirectory.prepare("/proc/carillon-cannot-write-here", "pbx"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("CARILLON_DATA_DIR: cannot write to");
    }
}
