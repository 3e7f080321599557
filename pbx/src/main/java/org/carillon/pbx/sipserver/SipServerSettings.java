package org.carillon.pbx.sipserver;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the SIP listener binds: {@code CARILLON_BIND} (default {@code 0.0.0.0}) and {@code CARILLON_SIP_PORT}
 * (default 5060, UDP and TCP; 0 lets the OS choose, as the tests do).
 */
public record SipServerSettings(InetAddress bind, int port) {

    /** @throws InvalidSettingException for an unparsable address or port */
    public static SipServerSettings from(Settings settings) {
        String raw = settings.string("CARILLON_BIND", "0.0.0.0");
        try {
            return new SipServerSettings(InetAddress.getByName(raw), settings.port("CARILLON_SIP_PORT", 5060));
        } catch (UnknownHostException e) {
            throw new InvalidSettingException("CARILLON_BIND", "'" + raw + "' is not an address of this machine");
        }
    }
}
