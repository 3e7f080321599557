package org.carillon.sip.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.SipParseException;

/**
 * Parses one SIP message from bytes (RFC 3261 §7, §25). One pass over the start line and the
 * header lines records each field as a slice of the input; the routing headers are then parsed
 * and validated as {@link ParseMode} says, the rest on first access.
 *
 * <p>Hot path, shaped for it: the header-line pass works on bytes (a name's colon and the line
 * end found 8 bytes at a time by {@link ByteScan}; a name spelled {@code Name: } exactly is
 * found and marked canonical by one probe and compare, any other spelling looked up
 * case-folded) and marks each line that already reads {@code Name: value CRLF} so the
 * {@link SipWriter} copies it unchecked; Via, Call-ID, CSeq, Max-Forwards and Content-Length
 * are read from the bytes in their common form ({@link WireFields}, {@link ScalarFields}), and
 * From, To and the Request-URI are checked there without allocating and built on first access
 * (a forwarding proxy reads none of them). Any other form goes to the string parsers of
 * {@code header} and {@code uri}, which define the language: the fast paths accept a subset
 * and build equal values.
 *
 * <p>The body is the {@code Content-Length} bytes after the empty line; bytes beyond it are
 * ignored and a missing Content-Length means "the rest of the datagram" (§18.3). For streams, cut
 * the message out with {@link Framing} first.
 *
 * <p>Immutable and thread-safe; share one instance. Every failure is a {@link SipParseException}
 * with a status hint; no other exception escapes for any input.
 */
public final class SipParser {
    private static final SipParser WIRE_DEFAULT = new SipParser(ParseMode.WIRE, SipParserLimits.DEFAULTS);

    private final ParseMode mode;
    private final SipParserLimits limits;

    /** A parser with the given mode and limits. */
    public SipParser(ParseMode mode, SipParserLimits limits) {
        this.mode = Objects.requireNonNull(mode);
        this.limits = Objects.requireNonNull(limits);
    }

    /** The shared parser in {@link ParseMode#WIRE} with {@link SipParserLimits#DEFAULTS}. */
    public static SipParser wireDefault() {
        return WIRE_DEFAULT;
    }

    /** This parser's mode. */
    public ParseMode mode() {
        return mode;
    }

    /** This parser's limits. */
    public SipParserLimits limits() {
        return limits;
    }

    /** Parses all of {@code data}; see {@link #parse(byte[], int, int)}. */
    public SipMessage parse(byte[] data) {
        return parse(data, 0, data.length);
    }

    /**
     * Parses the readable bytes of {@code buf} without moving its reader index. The bytes are
     * copied, so the buffer may be released afterwards.
     *
     * @throws SipParseException if the bytes are not one valid message
     */
    public SipMessage parse(ByteBuf buf) {
        return parse(buf, buf.readerIndex(), buf.readableBytes());
    }

    /**
     * Parses {@code length} bytes of {@code buf} from absolute {@code index}, leaving the buffer's
     * indexes alone. The bytes are copied, so the buffer may be released afterwards.
     *
     * @throws SipParseException        if the bytes are not one valid message
     * @throws IndexOutOfBoundsException if the range is outside the buffer
     */
    public SipMessage parse(ByteBuf buf, int index, int length) {
        if (length > limits.maxMessageBytes()) {
            throw tooLarge("message of " + length + " bytes");
        }
        byte[] copy = new byte[length];
        buf.getBytes(index, copy);
        return parse(copy, 0, length);
    }

    /**
     * Parses {@code data[offset, offset+length)}. The message keeps referring to {@code data}
     * (values are decoded lazily), so the caller must not change those bytes afterwards.
     *
     * @throws SipParseException        if the bytes are not one valid message
     * @throws IndexOutOfBoundsException if the range is outside {@code data}
     */
    public SipMessage parse(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length > limits.maxMessageBytes() || length > SipHeaders.MAX_OFFSET) {
            throw tooLarge("message of " + length + " bytes");
        }
        if (offset + length > SipHeaders.MAX_OFFSET) { // slices keep flags above 2^28
            return new Run(java.util.Arrays.copyOfRange(data, offset, offset + length), 0, length).message();
        }
        return new Run(data, offset, offset + length).message();
    }

    static SipParseException tooLarge(String what) {
        return new SipParseException(SipParseException.MESSAGE_TOO_LARGE, what + " exceeds the limit");
    }

    /** State of one parse. */
    private final class Run {
        private final byte[] b;
        private final int end;
        private int p;
        private final SipHeaders h;
        private int uriStart, uriEnd; // the Request-URI's bytes
        private int viaCount, fromCount, toCount, callIdCount, cseqCount, maxForwardsCount, contentLengthCount;
        private int via = -1, from = -1, to = -1, callId = -1, cseq = -1, maxForwards = -1, contentLength = -1;

        Run(byte[] b, int start, int end) {
            this.b = b;
            this.end = end;
            this.p = start;
            this.h = new SipHeaders(b);
        }

        SipMessage message() {
            // §7.5: CRLFs before the start line are ignored (keep-alives on streams)
            while (p < end && (b[p] == '\r' || b[p] == '\n')) {
                p++;
            }
            if (p >= end) {
                throw SipParseException.bad("empty message");
            }
            int lf = lineFeed(p);
            int lineEnd = lf > p && b[lf - 1] == '\r' ? lf - 1 : lf;
            if (lineEnd == lf && mode == ParseMode.STRICT) {
                throw SipParseException.bad("start line not ended by CRLF");
            }
            SipMessage m = isStatusLine(p, lineEnd) ? statusLine(p, lineEnd) : requestLine(p, lineEnd);
            p = lf + 1;
            boolean terminated = headerLines();
            body(m, terminated);
            if (mode != ParseMode.LENIENT) {
                validate(m);
            }
            return m;
        }

        private int lineFeed(int from) {
            int max = Math.min(end, from + limits.maxLineBytes() + 2);
            for (int i = ByteScan.lineEnd(b, from, max); i < max; i = ByteScan.lineEnd(b, i + 1, max)) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            if (max < end) {
                throw tooLarge("start line");
            }
            throw SipParseException.bad("start line not terminated");
        }

        private boolean isStatusLine(int s, int e) {
            return e - s >= 4 && (b[s] | 0x20) == 's' && (b[s + 1] | 0x20) == 'i' && (b[s + 2] | 0x20) == 'p'
                    && b[s + 3] == '/';
        }

        /** "SIP" "/" 1*DIGIT "." 1*DIGIT, "SIP" case-insensitive (§7.1); 505 for another version. */
        private void version(int s, int e) {
            if (!isStatusLine(s, e)) {
                throw SipParseException.bad("bad SIP version");
            }
            if (e - s == 7 && b[s + 4] == '2' && b[s + 5] == '.' && b[s + 6] == '0') {
                return;
            }
            int dot = 0;
            for (int i = s + 4; i < e; i++) {
                if (b[i] == '.') {
                    dot++;
                } else if (b[i] < '0' || b[i] > '9') {
                    throw SipParseException.bad("bad SIP version");
                }
            }
            if (dot != 1 || b[s + 4] == '.' || b[e - 1] == '.') {
                throw SipParseException.bad("bad SIP version");
            }
            throw new SipParseException(SipParseException.VERSION_NOT_SUPPORTED, "SIP version not supported");
        }

        private int spaces(int i, int e) {
            int start = i;
            while (i < e && b[i] == ' ') {
                i++;
            }
            if (i == start || (i - start > 1 && mode == ParseMode.STRICT)) {
                throw SipParseException.bad("bad separator in start line");
            }
            return i;
        }

        private SipResponse statusLine(int s, int e) {
            int v = s;
            while (v < e && b[v] != ' ') {
                v++;
            }
            version(s, v);
            int c = spaces(v, e);
            if (e - c < 3 || !digit(b[c]) || !digit(b[c + 1]) || !digit(b[c + 2]) || (e > c + 3 && b[c + 3] != ' ')) {
                throw SipParseException.bad("bad status code");
            }
            int code = (b[c] - '0') * 100 + (b[c + 1] - '0') * 10 + (b[c + 2] - '0');
            if (code < 100) {
                throw SipParseException.bad("bad status code");
            }
            int r = c + 3;
            if (r == e) {
                if (mode == ParseMode.STRICT) {
                    throw SipParseException.bad("missing SP after status code");
                }
            } else {
                r++;
            }
            for (int i = r; i < e; i++) {
                int x = b[i] & 0xff;
                if ((x < 0x20 && x != '\t') || x == 0x7f) {
                    throw SipParseException.bad("control character in reason phrase");
                }
            }
            return new SipResponse(h, code, new String(b, r, e - r, StandardCharsets.UTF_8));
        }

        private SipRequest requestLine(int s, int e) {
            int m = s;
            while (m < e && Chars.isToken(b[m])) {
                m++;
            }
            if (m == s || m >= e || b[m] != ' ') {
                throw SipParseException.bad("bad method");
            }
            String method = SipMethod.of(b, s, m - s);
            int u = spaces(m, e);
            int ue = ByteScan.firstNotVisible(b, u, e); // the SP after it, a word at a time
            if (ue < e && b[ue] != ' ') {
                throw SipParseException.bad("bad character in Request-URI");
            }
            if (ue == u || ue >= e) {
                throw SipParseException.bad("bad Request-URI");
            }
            int v = spaces(ue, e);
            int ve = e;
            if (mode != ParseMode.STRICT) {
                while (ve > v && b[ve - 1] == ' ') { // RFC 4475 §3.1.2.10 allows ignoring these
                    ve--;
                }
            }
            version(v, ve);
            uriStart = u;
            uriEnd = ue;
            SipRequest r = new SipRequest(h, method, null); // the Request-URI's String made on first read
            r.requestUriBytes(u, ue);
            return r;
        }

        /** Reads header fields up to the empty line; returns false if the input ended first. */
        private boolean headerLines() {
            int count = 0;
            while (p < end) {
                byte c = b[p];
                if (c == '\r') {
                    if (p + 1 < end && b[p + 1] == '\n') {
                        p += 2;
                        return true;
                    }
                    throw SipParseException.bad("CR without LF");
                }
                if (c == '\n') {
                    if (mode == ParseMode.STRICT) {
                        throw SipParseException.bad("bare LF");
                    }
                    p++;
                    return true;
                }
                if (++count > limits.maxHeaderCount()) {
                    throw tooLarge("header count");
                }
                field();
            }
            return false;
        }

        // The loops below work on locals (i, b, end) rather than the fields: the JIT keeps them
        // in registers, which it does not reliably do for a field written in a loop.
        private void field() {
            final byte[] b = this.b;
            final int end = this.end;
            int i = p;
            int ns = i;
            // the usual line: a known name right before its colon, found a word at a time, and
            // most often spelled "Name: " exactly (one compare gives the name and the writer's
            // canonical prefix); a known name's bytes are tokens (HeaderName.knownOrNull, no
            // byte below 0x21 here). Anything else takes the byte loop below.
            int colon = ByteScan.nameEnd(b, i, end);
            HeaderName name = null;
            boolean canonicalName = false;
            if (colon > ns && b[colon] == ':') {
                name = colon + 1 < end ? HeaderName.canonicalAt(b, ns, colon - ns) : null;
                canonicalName = name != null;
                if (name == null) {
                    name = HeaderName.knownOrNull(b, ns, colon - ns);
                }
            }
            int ne;
            if (name != null) {
                ne = colon;
                i = colon + 1;
            } else {
                while (i < end && TOKEN[b[i] & 0xff]) {
                    i++;
                }
                ne = i;
                if (ne == ns) {
                    throw SipParseException.bad("bad header name");
                }
                while (i < end && (b[i] == ' ' || b[i] == '\t')) {
                    i++;
                }
                if (i >= end || b[i] != ':') {
                    throw SipParseException.bad("header without colon");
                }
                i++;
            }
            int vs = -1;
            int ve = -1;
            boolean folded = false;
            int max = ns + limits.maxLineBytes();
            while (true) {
                // one physical line: find its end with a tight loop, trim at the ends only.
                // Control octets other than CR/LF are left to the typed parsers: a quoted-pair
                // may escape them (RFC 3261 §25.1; RFC 4475 §3.1.1.2 has NUL, BEL and DEL).
                int q = ByteScan.lineEnd(b, i, end);
                if (q >= end) {
                    throw SipParseException.bad("header line not terminated");
                }
                int a = i;
                int z = q;
                while (a < z && (b[a] == ' ' || b[a] == '\t')) {
                    a++;
                }
                while (z > a && (b[z - 1] == ' ' || b[z - 1] == '\t')) {
                    z--;
                }
                if (a < z) {
                    if (vs < 0) {
                        vs = a;
                    } else {
                        folded = true;
                    }
                    ve = z;
                }
                if (b[q] == '\r') {
                    if (q + 1 >= end || b[q + 1] != '\n') {
                        throw SipParseException.bad("CR without LF");
                    }
                    i = q + 2;
                } else {
                    if (mode == ParseMode.STRICT) {
                        throw SipParseException.bad("bare LF");
                    }
                    i = q + 1;
                }
                if (i > max) {
                    throw tooLarge("header line");
                }
                if (i < end && (b[i] == ' ' || b[i] == '\t')) {
                    continue; // §7.3.1 continuation line
                }
                break;
            }
            p = i;
            if (vs < 0) {
                vs = ve = i;
            }
            if (name == null) {
                name = HeaderName.of(b, ns, ne - ns);
            }
            count(name);
            // the writer copies a line that is already what it would write: "Name: value" CRLF
            // with the canonical name, one SP, nothing trailing, no folding. Tested here, on
            // bytes just read, rather than again on every forward.
            boolean canonical = !folded && i == ve + 2 && b[ve] == '\r' && (canonicalName ? vs == colon + 2
                    : vs - ns == name.wirePrefix().length && name.isWirePrefixAt(b, ns));
            h.addRaw(name, vs, ve, folded, canonical);
        }

        private void count(HeaderName n) {
            if (!n.isKnown()) {
                return;
            }
            int i = h.size(); // index the field is about to get
            if (n == HeaderName.VIA) {
                via = viaCount++ == 0 ? i : via;
            } else if (n == HeaderName.FROM) {
                from = fromCount++ == 0 ? i : from;
            } else if (n == HeaderName.TO) {
                to = toCount++ == 0 ? i : to;
            } else if (n == HeaderName.CALL_ID) {
                callId = callIdCount++ == 0 ? i : callId;
            } else if (n == HeaderName.CSEQ) {
                cseq = cseqCount++ == 0 ? i : cseq;
            } else if (n == HeaderName.MAX_FORWARDS) {
                maxForwards = maxForwardsCount++ == 0 ? i : maxForwards;
            } else if (n == HeaderName.CONTENT_LENGTH) {
                contentLength = contentLengthCount++ == 0 ? i : contentLength;
            }
        }

        private void body(SipMessage m, boolean terminated) {
            if (!terminated && mode == ParseMode.STRICT) {
                throw SipParseException.bad("no empty line after the headers");
            }
            int available = end - p;
            if (contentLengthCount > 1 && mode != ParseMode.LENIENT) {
                throw SipParseException.bad("more than one Content-Length"); // RFC 4475 §3.3.9
            }
            int i = contentLength;
            if (i < 0) {
                m.setRawBody(b, p, available);
                return;
            }
            int length = ScalarFields.number(h, i, 9, Integer.MAX_VALUE);
            if (length < 0) {
                length = m.contentLength().getAsInt(); // the string parser: the value or a 400
            }
            if (length > available) {
                // §18.3: on a datagram this is an error (RFC 4475 §3.1.2.2)
                throw SipParseException.bad("Content-Length larger than the message");
            }
            m.setRawBody(b, p, length);
        }

        private void validate(SipMessage m) {
            if (viaCount == 0 || fromCount != 1 || toCount != 1 || callIdCount != 1 || cseqCount != 1
                    || maxForwardsCount > 1) {
                throw SipParseException.bad("missing or repeated required header"); // §8.1.1, RFC 4475 §3.3.8
            }
            WireFields wire = new WireFields(b, true);
            WireFields check = new WireFields(b, false);
            if (mode == ParseMode.STRICT) {
                for (int i = h.indexOf(HeaderName.VIA); i >= 0; i = h.indexOf(HeaderName.VIA, i + 1)) {
                    via(m, i, wire);
                }
            } else {
                via(m, via, wire);
            }
            address(m, from, check);
            address(m, to, check);
            String id = h.isRawSlice(callId) ? wire.callId(h.start(callId), h.end(callId)) : null;
            if (id != null) {
                h.typed(callId, id);
            } else {
                m.typed(callId, SipMessage::checkCallId);
            }
            CSeq fast = ScalarFields.cseq(h, cseq); // typed directly: the lambdas would decode the value first
            String cseqMethod = (fast != null ? set(cseq, fast) : (CSeq) m.typed(cseq, CSeq::parse)).method();
            if (maxForwards >= 0) {
                if (ScalarFields.number(h, maxForwards, 3, 255) < 0) {
                    m.typed(maxForwards, SipMessage::parseMaxForwards); // the value or a 400
                }
            }
            if (m instanceof SipRequest r) {
                if (!cseqMethod.equals(r.method())) {
                    throw SipParseException.bad("CSeq method does not match the request method"); // §8.1.1.5
                }
                if (check.sipUri(uriStart, uriEnd) == null) { // checked there, built on first access
                    r.validateRequestUri();
                }
                if (mode == ParseMode.STRICT && maxForwardsCount == 0) {
                    throw SipParseException.bad("missing Max-Forwards");
                }
            }
            if (mode == ParseMode.STRICT) {
                StrictValidation.validateAll(m);
            }
        }

        private <T> T set(int i, T value) {
            h.typed(i, value);
            return value;
        }

        /** Parses Via field {@code i}: the byte-level common form, else the string parser. */
        private void via(SipMessage m, int i, WireFields wire) {
            Via fast = h.isRawSlice(i) ? wire.via(h.start(i), h.end(i)) : null;
            if (fast != null) {
                h.typed(i, fast);
            } else {
                m.viaList(i);
            }
        }

        /**
         * Validates From or To field {@code i}; the common form is only checked here and built by
         * the first {@link SipMessage#from()} or {@link SipMessage#to()} (a proxy forwarding the
         * request needs neither), anything else is parsed by the string parser now.
         */
        private void address(SipMessage m, int i, WireFields check) {
            if (!h.isRawSlice(i) || check.address(h.start(i), h.end(i)) == null) {
                m.typed(i, Address::parse);
            }
        }
    }

    /** Token bytes (RFC 3261 §25.1), indexed by {@code byte & 0xff}. */
    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            TOKEN[c] = Chars.isToken(c);
        }
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
