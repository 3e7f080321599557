package org.carillon.media.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * An {@code a=rtpmap} value (RFC 8866 §6.6): payload type, encoding name, clock rate, channels.
 *
 * @param encoding encoding name as written (compare with {@link #matches})
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

    /** Reads "0 PCMU/8000" or "101 telephone-event/8000/1"; empty when malformed. */
    public static Optional<RtpMap> parse(String value) {
        int sp = value.indexOf(' ');
        if (sp <= 0) {
            return Optional.empty();
        }
        String[] enc = value.substring(sp + 1).trim().split("/");
        try {
            int pt = Integer.parseInt(value.substring(0, sp));
            if (pt < 0 || pt > 127 || enc.length < 2) {
                return Optional.empty();
            }
            int channels = enc.length > 2 ? Integer.parseInt(enc[2]) : 1;
            return Optional.of(new RtpMap(pt, enc[0], Integer.parseInt(enc[1]), channels));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether this names {@code name} at {@code rate} Hz; encoding names are case-insensitive (RFC 4855 §3). */
    public boolean matches(String name, int rate) {
        return encoding.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) && clockRate == rate;
    }

    /** The attribute value, e.g. "8 PCMA/8000". */
    public String value() {
        return payloadType + " " + encoding + "/" + clockRate + (channels != 1 ? "/" + channels : "");
    }
}
