package org.carillon.sip.message;

import java.util.Locale;
import java.util.Optional;

/**
 * A header field name, matched case-insensitively and with compact forms resolved (RFC 3261
 * §7.3.1, §7.3.3): {@code v}, {@code VIA} and {@code Via} are the same name. Known names are
 * constants; others are created by {@link #of(String)}. Immutable and thread-safe.
 */
public final class HeaderName {
    private static final HeaderName[] TABLE = new HeaderName[512]; // open addressing, by lower-case hash
    private static final String[] KEYS = new String[TABLE.length];

    public static final HeaderName VIA = known("Via", 'v');
    public static final HeaderName FROM = known("From", 'f');
    public static final HeaderName TO = known("To", 't');
    public static final HeaderName CALL_ID = known("Call-ID", 'i');
    public static final HeaderName CSEQ = known("CSeq", (char) 0);
    public static final HeaderName MAX_FORWARDS = known("Max-Forwards", (char) 0);
    public static final HeaderName CONTACT = known("Contact", 'm');
    public static final HeaderName ROUTE = known("Route", (char) 0);
    public static final HeaderName RECORD_ROUTE = known("Record-Route", (char) 0);
    public static final HeaderName CONTENT_LENGTH = known("Content-Length", 'l');
    public static final HeaderName CONTENT_TYPE = known("Content-Type", 'c');
    public static final HeaderName CONTENT_ENCODING = known("Content-Encoding", 'e');
    public static final HeaderName EXPIRES = known("Expires", (char) 0);
    public static final HeaderName MIN_EXPIRES = known("Min-Expires", (char) 0);
    public static final HeaderName SUBJECT = known("Subject", 's');
    public static final HeaderName SUPPORTED = known("Supported", 'k');
    public static final HeaderName REQUIRE = known("Require", (char) 0);
    public static final HeaderName PROXY_REQUIRE = known("Proxy-Require", (char) 0);
    public static final HeaderName UNSUPPORTED = known("Unsupported", (char) 0);
    public static final HeaderName ALLOW = known("Allow", (char) 0);
    public static final HeaderName ACCEPT = known("Accept", (char) 0);
    public static final HeaderName AUTHORIZATION = known("Authorization", (char) 0);
    public static final HeaderName PROXY_AUTHORIZATION = known("Proxy-Authorization", (char) 0);
    public static final HeaderName WWW_AUTHENTICATE = known("WWW-Authenticate", (char) 0);
    public static final HeaderName PROXY_AUTHENTICATE = known("Proxy-Authenticate", (char) 0);
    public static final HeaderName AUTHENTICATION_INFO = known("Authentication-Info", (char) 0);
    public static final HeaderName EVENT = known("Event", 'o');
    public static final HeaderName ALLOW_EVENTS = known("Allow-Events", 'u');
    public static final HeaderName SUBSCRIPTION_STATE = known("Subscription-State", (char) 0);
    public static final HeaderName REFER_TO = known("Refer-To", 'r');
    public static final HeaderName REFERRED_BY = known("Referred-By", 'b');
    public static final HeaderName SESSION_EXPIRES = known("Session-Expires", 'x');
    public static final HeaderName USER_AGENT = known("User-Agent", (char) 0);
    public static final HeaderName SERVER = known("Server", (char) 0);
    public static final HeaderName DATE = known("Date", (char) 0);
    public static final HeaderName RETRY_AFTER = known("Retry-After", (char) 0);
    public static final HeaderName TIMESTAMP = known("Timestamp", (char) 0);
    public static final HeaderName REASON = known("Reason", (char) 0);
    public static final HeaderName WARNING = known("Warning", (char) 0);
    public static final HeaderName PATH = known("Path", (char) 0);
    public static final HeaderName RSEQ = known("RSeq", (char) 0);
    public static final HeaderName RACK = known("RAck", (char) 0);
    public static final HeaderName ACCEPT_CONTACT = known("Accept-Contact", 'a');
    public static final HeaderName REJECT_CONTACT = known("Reject-Contact", 'j');
    public static final HeaderName REQUEST_DISPOSITION = known("Request-Disposition", 'd');
    public static final HeaderName IDENTITY = known("Identity", 'y');
    public static final HeaderName MIME_VERSION = known("MIME-Version", (char) 0);
    public static final HeaderName CONTENT_DISPOSITION = known("Content-Disposition", (char) 0);
    public static final HeaderName P_ASSERTED_IDENTITY = known("P-Asserted-Identity", (char) 0);

    private final String name;
    private final String lower;
    private final char compact;
    private final boolean known;
    private final byte[] wirePrefix; // "Name: " for the writer
    // the prefix's first and last 8 bytes as little-endian words (prefixes of 8-16 bytes; a
    // shorter one is compared through a mask), for isWirePrefixAt
    private final long prefixHead;
    private final long prefixTail;
    private final long headMask;

    private HeaderName(String name, char compact, boolean known) {
        this.name = name;
        this.wirePrefix = (name + ": ").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] padded = java.util.Arrays.copyOf(wirePrefix, Math.max(8, wirePrefix.length));
        int n = wirePrefix.length;
        this.prefixHead = (long) Words.LONG.get(padded, 0);
        this.prefixTail = (long) Words.LONG.get(padded, padded.length - 8);
        this.headMask = n >= 8 ? -1L : (1L << (8 * n)) - 1;
        this.lower = name.toLowerCase(Locale.ROOT);
        this.compact = compact;
        this.known = known;
    }

    private static HeaderName known(String name, char compact) {
        HeaderName h = new HeaderName(name, compact, true);
        put(h.lower, h);
        if (compact != 0) {
            put(String.valueOf(compact), h);
        }
        return h;
    }

    private static void put(String key, HeaderName h) {
        int i = hash(key) & (TABLE.length - 1);
        while (TABLE[i] != null) {
            i = (i + 1) & (TABLE.length - 1);
        }
        TABLE[i] = h;
        KEYS[i] = key;
    }

    private static int hash(CharSequence lowerKey) {
        int h = 0;
        for (int i = 0; i < lowerKey.length(); i++) {
            h = 31 * h + lowerKey.charAt(i);
        }
        return h ^ (h >>> 9);
    }

    /**
     * The name for {@code text}: a known constant when {@code text} is a known full or compact
     * name in any case, otherwise a new unknown name that keeps {@code text}'s spelling.
     */
    public static HeaderName of(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int i = hash(lower) & (TABLE.length - 1);
        while (TABLE[i] != null) {
            if (KEYS[i].equals(lower)) {
                return TABLE[i];
            }
            i = (i + 1) & (TABLE.length - 1);
        }
        return new HeaderName(text, (char) 0, false);
    }

    // Wire lookup: open addressing over a hash of the name's length and its first and last bytes
    // (case folded with "| 0x20", which is exact for token characters: it lower-cases letters and
    // leaves every other token character unchanged), so the parser hashes no byte in between;
    // a candidate is then compared 8 bytes at a time, folded the same way. 256 slots for ~70 keys
    // keep probes short.
    private static final int WIRE_BITS = 8;
    private static final HeaderName[] WIRE = new HeaderName[1 << WIRE_BITS];
    private static final byte[][] WIRE_KEYS = new byte[1 << WIRE_BITS][];
    private static final long[] WIRE_HEADS = new long[1 << WIRE_BITS]; // first 8 key bytes, zero-padded
    private static final long FOLD = 0x2020202020202020L;

    static {
        for (int i = 0; i < TABLE.length; i++) {
            if (KEYS[i] == null) {
                continue;
            }
            byte[] key = KEYS[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int slot = wireSlot(key, 0, key.length);
            while (WIRE[slot] != null) {
                slot = (slot + 1) & (WIRE.length - 1);
            }
            WIRE[slot] = TABLE[i];
            WIRE_KEYS[slot] = key;
            WIRE_HEADS[slot] = (long) Words.LONG.get(java.util.Arrays.copyOf(key, Math.max(8, key.length)), 0);
        }
    }

    // Canonical lookup: known names by their "Name: " prefix as written (prefixes of at most 16
    // bytes, i.e. all but a few long names), keyed by the prefix's first 8 bytes and its length.
    private static final int CANON_BITS = 7;
    private static final HeaderName[] CANON = new HeaderName[1 << CANON_BITS];
    private static final long[] CANON_HEADS = new long[1 << CANON_BITS];
    private static final long[] CANON_TAILS = new long[1 << CANON_BITS];
    private static final int[] CANON_LENGTHS = new int[1 << CANON_BITS];

    static {
        for (HeaderName h : TABLE) {
            if (h == null || h.wirePrefix.length > 16 || contains(CANON, h)) {
                continue;
            }
            int slot = canonSlot(h.prefixHead, h.wirePrefix.length);
            while (CANON[slot] != null) {
                slot = (slot + 1) & (CANON.length - 1);
            }
            CANON[slot] = h;
            CANON_HEADS[slot] = h.prefixHead;
            CANON_TAILS[slot] = h.prefixTail;
            CANON_LENGTHS[slot] = h.wirePrefix.length;
        }
    }

    private static boolean contains(HeaderName[] table, HeaderName h) {
        for (HeaderName x : table) {
            if (x == h) {
                return true;
            }
        }
        return false;
    }

    private static int canonSlot(long head, int length) {
        return (int) (((head ^ length) * 0x9E3779B97F4A7C15L) >>> (64 - CANON_BITS));
    }

    private static int wireSlot(byte[] b, int off, int len) {
        int h = (len << 16) ^ ((b[off] | 0x20) << 8) ^ (b[off + len - 1] | 0x20);
        return (h * 0x9E3779B1) >>> (32 - WIRE_BITS);
    }

    /**
     * Looks a name up from wire bytes (1 or more token characters) without allocating when it is
     * known; else creates one.
     */
    static HeaderName of(byte[] b, int off, int len) {
        HeaderName n = knownOrNull(b, off, len);
        return n != null ? n : new HeaderName(new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1),
                (char) 0, false);
    }

    /**
     * The known name spelled by {@code b[off, off + len)} (1 or more bytes, any case), or null.
     * The bytes need not be known to be token characters when none is below 0x20: the folding
     * maps no other non-token byte onto a key byte, so a match is then a valid token.
     */
    static HeaderName knownOrNull(byte[] b, int off, int len) {
        int slot = wireSlot(b, off, len);
        for (HeaderName n; (n = WIRE[slot]) != null; slot = (slot + 1) & (WIRE.length - 1)) {
            byte[] key = WIRE_KEYS[slot];
            if (key.length == len && matches(key, WIRE_HEADS[slot], b, off)) {
                return n;
            }
        }
        return null;
    }

    /**
     * The known name whose {@link #wirePrefix()} ({@code Name: }, canonical case) is at
     * {@code b[off]}, {@code len} being the name's length, or null. Found through the same slot
     * as {@link #knownOrNull}, compared without folding.
     */
    static HeaderName canonicalAt(byte[] b, int off, int len) {
        int n = len + 2;
        if (n <= 16 && off + Math.max(8, n) <= b.length) {
            // the common case in one probe of parallel arrays: the line's first word, masked to
            // the prefix length, is the key (with the length); the last word is compared after
            long head = (long) Words.LONG.get(b, off) & (n >= 8 ? -1L : (1L << (8 * n)) - 1);
            for (int slot = canonSlot(head, n); CANON[slot] != null; slot = (slot + 1) & (CANON.length - 1)) {
                if (CANON_HEADS[slot] == head && CANON_LENGTHS[slot] == n
                        && (n <= 8 || (long) Words.LONG.get(b, off + n - 8) == CANON_TAILS[slot])) {
                    return CANON[slot];
                }
            }
            return null;
        }
        int slot = wireSlot(b, off, len);
        for (HeaderName h; (h = WIRE[slot]) != null; slot = (slot + 1) & (WIRE.length - 1)) {
            if (h.wirePrefix.length == n && h.isWirePrefixAt(b, off)) {
                return h;
            }
        }
        return null;
    }

    /** Whether {@code b[off, off + key.length)} folded with {@code | 0x20} equals the lower-case key. */
    private static boolean matches(byte[] lowerKey, long head, byte[] b, int off) {
        int n = lowerKey.length;
        if (off + 8 > b.length) { // near the end of the input: byte by byte
            for (int k = 0; k < n; k++) {
                if (lowerKey[k] != (byte) (b[off + k] | 0x20)) {
                    return false;
                }
            }
            return true;
        }
        long first = (long) Words.LONG.get(b, off) | FOLD;
        if (n < 8) {
            return ((first ^ head) & ((1L << (8 * n)) - 1)) == 0;
        }
        if (first != head) {
            return false;
        }
        for (int k = 8; k + 8 < n; k += 8) {
            if (((long) Words.LONG.get(b, off + k) | FOLD) != (long) Words.LONG.get(lowerKey, k)) {
                return false;
            }
        }
        // the last 8 bytes (overlapping what was compared): the name lies inside b, so this read does too
        return ((long) Words.LONG.get(b, off + n - 8) | FOLD) == (long) Words.LONG.get(lowerKey, n - 8);
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c & 0xff;
    }

    /** The canonical spelling for known names ({@code Call-ID}), else the spelling first seen. */
    public String name() {
        return name;
    }

    /** The compact form (RFC 3261 §7.3.3), if the name has one. */
    public Optional<Character> compactForm() {
        return compact == 0 ? Optional.empty() : Optional.of(compact);
    }

    /** Whether this is one of the constants of this class. */
    public boolean isKnown() {
        return known;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof HeaderName h && !known && !h.known && lower.equals(h.lower));
    }

    @Override
    public int hashCode() {
        return lower.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    /** A holder, so the handle exists before the constants above are constructed. */
    private static final class Words {
        static final java.lang.invoke.VarHandle LONG =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Whether {@code src[at, at + wirePrefix().length)} equals {@link #wirePrefix()}: one or two
     * 8-byte compares for prefixes up to 16 bytes (the common names), else a plain compare.
     */
    boolean isWirePrefixAt(byte[] src, int at) {
        int n = wirePrefix.length;
        if (n > 16 || at + 8 > src.length) {
            return java.util.Arrays.equals(src, at, at + n, wirePrefix, 0, n);
        }
        if ((((long) Words.LONG.get(src, at) ^ prefixHead) & headMask) != 0) {
            return false;
        }
        return n <= 8 || (long) Words.LONG.get(src, at + n - 8) == prefixTail;
    }

    byte[] wirePrefix() {
        return wirePrefix;
    }

}
