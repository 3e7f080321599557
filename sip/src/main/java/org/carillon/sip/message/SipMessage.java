package org.carillon.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.message.header.Contacts;
import org.carillon.sip.message.header.DeltaSeconds;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.syntax.WireBytes;

/**
 * A SIP request or response (RFC 3261 §7): start line, header fields and a body of bytes.
 *
 * <p>Typed accessors parse the header they read on first use and cache the result; a header that
 * is malformed throws {@link SipParseException} (400) from its accessor. A message from
 * {@link SipParser} in {@link ParseMode#WIRE} or {@link ParseMode#STRICT} has already validated
 * Via, From, To, Call-ID and CSeq, so those accessors do not throw.
 *
 * <p>Mutable and not thread-safe: a message is owned by one thread at a time (the transport hands
 * it over to the transaction layer, and so on).
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {
    private static final byte[] NO_BODY = new byte[0];

    final SipHeaders headers;
    private byte[] bodySrc = NO_BODY;
    private int bodyOffset;
    private int bodyLength;

    SipMessage(SipHeaders headers) {
        this.headers = headers;
    }

    /** The header fields, for generic access and mutation. */
    public SipHeaders headers() {
        return headers;
    }

    /** Whether this is a request. */
    public abstract boolean isRequest();

    // --- body ---

    /** The body length in bytes. */
    public int bodyLength() {
        return bodyLength;
    }

    /** A copy of the body bytes (empty if none). */
    public byte[] body() {
        byte[] b = new byte[bodyLength];
        System.arraycopy(bodySrc, bodyOffset, b, 0, bodyLength);
        return b;
    }

    /**
     * Replaces the body and sets Content-Length; sets Content-Type too when {@code contentType}
     * is present, or removes it for an empty body.
     */
    public void setBody(byte[] body, Optional<String> contentType) {
        bodySrc = body.clone();
        bodyOffset = 0;
        bodyLength = body.length;
        headers.set(HeaderName.CONTENT_LENGTH, Integer.toString(body.length));
        if (contentType.isPresent()) {
            headers.set(HeaderName.CONTENT_TYPE, contentType.get());
        } else if (body.length == 0) {
            headers.removeAll(HeaderName.CONTENT_TYPE);
        }
    }

    void setRawBody(byte[] src, int offset, int length) {
        bodySrc = src;
        bodyOffset = offset;
        bodyLength = length;
    }

    byte[] bodySrc() {
        return bodySrc;
    }

    int bodyOffset() {
        return bodyOffset;
    }

    // --- typed accessors for the routing headers ---

    /**
     * The top Via entry (first entry of the first Via field).
     *
     * @throws SipParseException (400) if there is no Via or it is malformed
     */
    public Via topVia() {
        Object t = viaField(require(HeaderName.VIA));
        return t instanceof Via v ? v : viaList(t).getFirst();
    }

    /** All Via entries in order, across fields and commas (empty if none). */
    public List<Via> vias() {
        List<Via> out = new ArrayList<>(4);
        for (int i = headers.indexOf(HeaderName.VIA); i >= 0; i = headers.indexOf(HeaderName.VIA, i + 1)) {
            Object t = viaField(i);
            if (t instanceof Via v) {
                out.add(v);
            } else {
                out.addAll(viaList(t));
            }
        }
        return out;
    }

    List<Via> viaList(int i) {
        return viaList(viaField(i));
    }

    /**
     * The parsed form of Via field {@code i}: the {@link Via} itself for a field of one entry
     * read from the wire or pushed (no one-element list per field: the parser and a proxy's
     * push make one per message), else the list of its entries.
     */
    Object viaField(int i) {
        Object t = headers.typed(i);
        if (t == null) {
            t = headers.isRawSlice(i) ? new WireFields(headers.src(), true).via(headers.start(i), headers.end(i)) : null;
            if (t == null) {
                t = Via.parseList(headers.value(i));
            }
            headers.typed(i, t);
        }
        return t;
    }

    @SuppressWarnings("unchecked")
    private static List<Via> viaList(Object field) {
        return field instanceof Via v ? List.of(v) : (List<Via>) field;
    }

    /**
     * The Call-ID (RFC 3261 §20.8: {@code word ["@" word]}).
     *
     * @throws SipParseException (400) if missing or malformed
     */
    public String callId() {
        int i = require(HeaderName.CALL_ID);
        return (String) typed(i, SipMessage::checkCallId);
    }

    static String checkCallId(String v) {
        int at = -1;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c == '@' && at < 0 && k > 0) {
                at = k;
            } else if (!Chars.is(c, Chars.WORD)) {
                throw SipParseException.bad("bad Call-ID");
            }
        }
        if (v.isEmpty() || at == v.length() - 1) {
            throw SipParseException.bad("bad Call-ID");
        }
        return v;
    }

    /** The From address. @throws SipParseException (400) if missing or malformed */
    public Address from() {
        return address(require(HeaderName.FROM));
    }

    /** The To address. @throws SipParseException (400) if missing or malformed */
    public Address to() {
        return address(require(HeaderName.TO));
    }

    /** From/To field {@code i}, read from the wire bytes in its common form, else by the string parser. */
    private Address address(int i) {
        Object t = headers.typed(i);
        if (t == null) {
            t = headers.isRawSlice(i) ? new WireFields(headers.src(), true).address(headers.start(i), headers.end(i)) : null;
            if (t == null) {
                t = Address.parse(headers.value(i));
            }
            headers.typed(i, t);
        }
        return (Address) t;
    }

    /** The CSeq. @throws SipParseException (400) if missing or malformed */
    public CSeq cseq() {
        return (CSeq) typed(require(HeaderName.CSEQ), CSeq::parse);
    }

    /** Max-Forwards (0..255), if present. @throws SipParseException (400) if malformed */
    public OptionalInt maxForwards() {
        int i = headers.indexOf(HeaderName.MAX_FORWARDS);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(scalar(i, 3, 255, SipMessage::parseMaxForwards));
    }

    static Integer parseMaxForwards(String v) {
        if (v.isEmpty() || v.length() > 10) { // leading zeros are legal (RFC 4475 §3.1.1.1: "0068")
            throw SipParseException.bad("bad Max-Forwards");
        }
        long n = 0;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c < '0' || c > '9') {
                throw SipParseException.bad("bad Max-Forwards");
            }
            n = n * 10 + (c - '0');
        }
        if (n > 255) {
            throw SipParseException.bad("Max-Forwards above 255");
        }
        return (int) n;
    }

    /** The Contact header(s): wildcard, addresses, or {@link Contacts#NONE}. @throws SipParseException (400) */
    public Contacts contacts() {
        int first = headers.indexOf(HeaderName.CONTACT);
        if (first < 0) {
            return Contacts.NONE;
        }
        if (headers.indexOf(HeaderName.CONTACT, first + 1) < 0) {
            return (Contacts) typed(first, v -> Contacts.parse(List.of(v))); // the usual single field, cached
        }
        return Contacts.parse(headers.all(HeaderName.CONTACT));
    }

    /** Route entries in order (empty if none). @throws SipParseException (400) if malformed */
    public List<Address> routes() {
        return addressList(HeaderName.ROUTE);
    }

    /** Record-Route entries in order (empty if none). @throws SipParseException (400) if malformed */
    public List<Address> recordRoutes() {
        return addressList(HeaderName.RECORD_ROUTE);
    }

    @SuppressWarnings("unchecked")
    private List<Address> addressList(HeaderName name) {
        List<Address> out = new ArrayList<>(2);
        for (int i = headers.indexOf(name); i >= 0; i = headers.indexOf(name, i + 1)) {
            Object t = typed(i, v -> Address.parseNameAddrList(v, name.name()));
            if (t instanceof Address a) { // a pushed Record-Route
                out.add(a);
            } else {
                out.addAll((List<Address>) t);
            }
        }
        return out;
    }

    /** The Content-Length header value, if present. @throws SipParseException (400) if malformed */
    public OptionalInt contentLength() {
        int i = headers.indexOf(HeaderName.CONTENT_LENGTH);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(scalar(i, 9, Integer.MAX_VALUE, SipMessage::parseContentLength));
    }

    /** Number field {@code i}: from the wire bytes in the common form, else by {@code parser}; cached. */
    private int scalar(int i, int maxDigits, long max, Function<String, Integer> parser) {
        Object t = headers.typed(i);
        if (t == null) {
            int fast = ScalarFields.number(headers, i, maxDigits, max);
            t = fast >= 0 ? Integer.valueOf(fast) : parser.apply(headers.value(i));
            headers.typed(i, t);
        }
        return (Integer) t;
    }

    static Integer parseContentLength(String v) {
        if (v.isEmpty() || v.length() > 10) {
            throw SipParseException.bad("bad Content-Length");
        }
        long n = 0;
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            if (c < '0' || c > '9') {
                throw SipParseException.bad("bad Content-Length");
            }
            n = n * 10 + (c - '0');
        }
        if (n > Integer.MAX_VALUE) {
            throw SipParseException.bad("Content-Length too large");
        }
        return (int) n;
    }

    /** The Expires header in seconds (saturating at 2^32-1), if present. @throws SipParseException (400) */
    public OptionalLong expires() {
        int i = headers.indexOf(HeaderName.EXPIRES);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of((Long) typed(i, DeltaSeconds::parse));
    }

    /** The Content-Type value as written, if present. */
    public Optional<String> contentType() {
        return headers.first(HeaderName.CONTENT_TYPE);
    }

    // --- mutators used by proxies, transactions and dialogs ---

    /** Adds {@code via} as the new top Via (RFC 3261 §16.6 step 8, §8.1.1.7). */
    public void pushVia(Via via) {
        WireBytes out = headers.addedBytes();
        int from = out.size();
        via.appendTo(out);
        headers.addFirstWire(HeaderName.VIA, from, via);
    }

    /** Replaces the top Via entry, e.g. to add received/rport (RFC 3261 §18.2.1, RFC 3581). */
    public void setTopVia(Via via) {
        int i = require(HeaderName.VIA);
        List<Via> list = viaList(i);
        if (list.size() == 1) {
            headers.replace(i, via.toString());
            headers.typed(i, via);
        } else {
            List<Via> copy = new ArrayList<>(list);
            copy.set(0, via);
            setViaField(i, copy);
        }
    }

    /** Removes the top Via entry (a response travelling back, RFC 3261 §16.7 step 3). */
    public Via popVia() {
        int i = require(HeaderName.VIA);
        List<Via> list = viaList(i);
        if (list.size() == 1) {
            headers.remove(i);
        } else {
            setViaField(i, list.subList(1, list.size()));
        }
        return list.getFirst();
    }

    private void setViaField(int i, List<Via> list) {
        StringBuilder b = new StringBuilder();
        for (Via v : list) {
            if (!b.isEmpty()) {
                b.append(", ");
            }
            b.append(v);
        }
        headers.replace(i, b.toString());
        headers.typed(i, List.copyOf(list));
    }

    /** Adds {@code route} as the new top Record-Route (RFC 3261 §16.6 step 4). */
    public void pushRecordRoute(Address route) {
        WireBytes out = headers.addedBytes();
        int from = out.size();
        route.appendTo(out);
        headers.addFirstWire(HeaderName.RECORD_ROUTE, from, route); // one entry: the Address itself
    }

    /** Replaces the From header. */
    public void setFrom(Address from) {
        setTyped(HeaderName.FROM, from);
    }

    /** Replaces the To header (e.g. to add the UAS tag, RFC 3261 §8.2.6.2). */
    public void setTo(Address to) {
        setTyped(HeaderName.TO, to);
    }

    /** Replaces the CSeq header. */
    public void setCSeq(CSeq cseq) {
        setTyped(HeaderName.CSEQ, cseq);
    }

    /** Sets Max-Forwards. */
    public void setMaxForwards(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("Max-Forwards must be 0..255");
        }
        setTyped(HeaderName.MAX_FORWARDS, value);
    }

    private void setTyped(HeaderName name, Object value) {
        headers.set(name, value.toString());
        headers.typed(headers.indexOf(name), value);
    }

    /** Index of the first field {@code name}, or a 400 naming the missing header. */
    int require(HeaderName name) {
        int i = headers.indexOf(name);
        if (i < 0) {
            throw SipParseException.bad("missing " + name.name());
        }
        return i;
    }

    Object typed(int i, Function<String, ?> parser) {
        Object t = headers.typed(i);
        if (t == null) {
            t = parser.apply(headers.value(i));
            headers.typed(i, t);
        }
        return t;
    }

    /** The wire form (start line, headers with a correct Content-Length, body). */
    public byte[] toBytes() {
        return SipWriter.toBytes(this);
    }

    @Override
    public String toString() {
        return new String(toBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
