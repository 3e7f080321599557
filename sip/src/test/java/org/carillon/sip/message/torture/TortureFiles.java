package org.carillon.sip.message.torture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.carillon.sip.message.ParseMode;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipParserLimits;

/** Loads the RFC 4475 / RFC 5118 messages under {@code src/test/resources/torture}. */
final class TortureFiles {
    static final SipParser WIRE = SipParser.wireDefault();
    static final SipParser STRICT = new SipParser(ParseMode.STRICT, SipParserLimits.DEFAULTS);

    private TortureFiles() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = TortureFiles.class.getResourceAsStream("/torture/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no torture file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipMessage wire(String path) {
        return WIRE.parse(bytes(path));
    }
}
