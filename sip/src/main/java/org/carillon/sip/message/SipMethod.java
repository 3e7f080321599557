package org.carillon.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * Method names of RFC 3261 and its extensions, as interned strings: the parser returns these
 * very instances for known methods. Methods are case-sensitive (RFC 3261 §7.1); compare with
 * {@code equals}.
 */
public final class SipMethod {
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String REGISTER = "REGISTER";
    public static final String PRACK = "PRACK";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String PUBLISH = "PUBLISH";
    public static final String INFO = "INFO";
    public static final String REFER = "REFER";
    public static final String MESSAGE = "MESSAGE";
    public static final String UPDATE = "UPDATE";

    private static final String[] KNOWN = {INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, PRACK, SUBSCRIBE,
        NOTIFY, PUBLISH, INFO, REFER, MESSAGE, UPDATE};

    private SipMethod() {
    }

    /** The interned constant for a known method in {@code b[off, off+len)}, else a new string. */
    static String of(byte[] b, int off, int len) {
        // by length and first byte, then the bytes (the parser calls this twice per request:
        // the request line and CSeq)
        if (len >= 3 && len <= 9) {
            byte first = b[off];
            for (int k = 0; k < KNOWN.length; k++) {
                byte[] key = KNOWN_BYTES[k];
                if (key.length == len && key[0] == first && matches(key, b, off)) {
                    return KNOWN[k];
                }
            }
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];

    static {
        for (int k = 0; k < KNOWN.length; k++) {
            KNOWN_BYTES[k] = KNOWN[k].getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static boolean matches(byte[] key, byte[] b, int off) {
        for (int i = 1; i < key.length; i++) {
            if (key[i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }
}
