package org.carillon.sip.message;

import java.util.Optional;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.syntax.Chars;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.uri.Uri;

/**
 * A SIP request (RFC 3261 §7.1): method, Request-URI, headers and body.
 *
 * <p>The Request-URI is parsed on first access unless the parser already validated it
 * ({@link ParseMode#WIRE} and {@link ParseMode#STRICT} do).
 */
public final class SipRequest extends SipMessage {
    private final String method;
    private String rawRequestUri; // null until read when the bytes below hold the Request-URI
    private Uri requestUri; // null until parsed
    // the Request-URI's wire form: 0 when there is none (then rawRequestUri holds it);
    // > 0: headers.src()[uriStart, uriEnd), the received one; < 0: set by setRequestUri and
    // written into the headers' added bytes at [uriStart, -uriEnd)
    private int uriStart;
    private int uriEnd;

    SipRequest(SipHeaders headers, String method, String rawRequestUri) {
        super(headers);
        this.method = method;
        this.rawRequestUri = rawRequestUri;
    }

    /**
     * An empty request with the given request line; add headers through {@link #headers()} or the
     * typed setters.
     *
     * @throws IllegalArgumentException if {@code method} is not a token
     */
    public static SipRequest create(String method, Uri requestUri) {
        if (!Chars.isToken(method)) {
            throw new IllegalArgumentException("method must be a token: " + method);
        }
        SipRequest r = new SipRequest(new SipHeaders(), method, requestUri.toString());
        r.requestUri = requestUri;
        return r;
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    /** The method, case-sensitive; known methods are the {@link SipMethod} constants. */
    public String method() {
        return method;
    }

    /** Whether the method is {@code m}. */
    public boolean isMethod(String m) {
        return method.equals(m);
    }

    /** The Request-URI. @throws SipParseException (400) if it is malformed (lenient mode only) */
    public Uri requestUri() {
        if (requestUri == null) {
            Uri fast = uriEnd > 0 ? new WireFields(headers.src(), true).sipUri(uriStart, uriEnd) : null;
            requestUri = fast != null ? fast : Uri.parse(rawRequestUri());
        }
        return requestUri;
    }

    /** The Request-URI as written. */
    public String rawRequestUri() {
        if (rawRequestUri == null) {
            rawRequestUri = uriEnd > 0
                    ? new String(headers.src(), uriStart, uriEnd - uriStart, java.nio.charset.StandardCharsets.ISO_8859_1)
                    : requestUri.toString();
        }
        return rawRequestUri;
    }

    /**
     * Replaces the Request-URI (RFC 3261 §16.6 step 2, or strict-route handling). Its wire form
     * goes into the message's buffer for added values (see {@link SipHeaders}); the String is
     * made only if someone reads {@link #rawRequestUri()}.
     *
     * @throws IllegalArgumentException if its wire form contains CR, LF or NUL
     */
    public void setRequestUri(Uri uri) {
        org.carillon.sip.syntax.WireBytes out = headers.addedBytes();
        int from = out.size();
        uri.appendTo(out);
        if (out.hasLineBreak()) {
            out.truncate(from);
            throw new IllegalArgumentException("Request-URI must not contain CR, LF or NUL");
        }
        requestUri = uri;
        rawRequestUri = null;
        uriStart = from;
        uriEnd = -out.size();
    }

    /** Parser entry: where {@link #rawRequestUri()} lies in the wire bytes, to read it from there. */
    void requestUriBytes(int start, int end) {
        uriStart = start;
        uriEnd = end;
    }

    /**
     * For the writer: whether the Request-URI's wire form is bytes [{@link #requestUriStart},
     * {@link #requestUriEnd}) of {@link #requestUriArray} (the received one, or one set by
     * {@link #setRequestUri}); then it is copied from there, without making its String.
     */
    boolean hasRequestUriBytes() {
        return uriEnd != 0;
    }

    byte[] requestUriArray() {
        return uriEnd > 0 ? headers.src() : headers.addedBytes().array();
    }

    int requestUriStart() {
        return uriStart;
    }

    int requestUriEnd() {
        return uriEnd > 0 ? uriEnd : -uriEnd;
    }

    void validateRequestUri() {
        Uri u = requestUri();
        if (u instanceof org.carillon.sip.uri.SipUri s && s.headers().isPresent()) {
            // §19.1.1 table: headers are not allowed in a Request-URI (RFC 4475 §3.1.2.11)
            throw SipParseException.bad("Request-URI with headers");
        }
    }

    /**
     * A response to this request per RFC 3261 §8.2.6.2: Via fields (all, in order), From, To,
     * Call-ID and CSeq copied; the reason phrase is the default for {@code statusCode}. The To
     * tag is not added: a UAS adds it with {@code setTo(to().withTag(...))}.
     */
    public SipResponse createResponse(int statusCode) {
        return createResponse(statusCode, ReasonPhrases.of(statusCode));
    }

    /** Like {@link #createResponse(int)} with an explicit reason phrase. */
    public SipResponse createResponse(int statusCode, String reasonPhrase) {
        SipResponse r = SipResponse.create(statusCode, reasonPhrase);
        SipHeaders out = r.headers();
        for (int i = 0; i < headers.size(); i++) {
            HeaderName n = headers.name(i);
            if (n == HeaderName.VIA) {
                out.addCopy(headers, i);
            }
        }
        copyFirst(out, HeaderName.FROM);
        copyFirst(out, HeaderName.TO);
        copyFirst(out, HeaderName.CALL_ID);
        copyFirst(out, HeaderName.CSEQ);
        if (statusCode == 100) {
            copyFirst(out, HeaderName.TIMESTAMP); // §8.2.6.1
        }
        out.add(HeaderName.CONTENT_LENGTH, "0");
        return r;
    }

    /** Like {@link #createResponse(int)} and sets the To tag if the request had none. */
    public SipResponse createResponse(int statusCode, Optional<String> toTag) {
        SipResponse r = createResponse(statusCode);
        if (toTag.isPresent() && to().tag().isEmpty()) {
            r.setTo(r.to().withTag(toTag.get()));
        }
        return r;
    }

    private void copyFirst(SipHeaders out, HeaderName name) {
        int i = headers.indexOf(name);
        if (i >= 0) {
            out.addCopy(headers, i);
        }
    }

    /**
     * A CANCEL for this (INVITE) request, RFC 3261 §9.1: same Request-URI, Call-ID, To, From,
     * CSeq number and Route set; one Via equal to this request's top Via; Max-Forwards 70.
     */
    public SipRequest createCancel() {
        return sameTransactionRequest(SipMethod.CANCEL, this);
    }

    /**
     * The ACK for a non-2xx final {@code response} to this INVITE, RFC 3261 §17.1.1.3: like
     * CANCEL but with the To header of the response (its tag included).
     */
    public SipRequest createAck(SipResponse response) {
        return sameTransactionRequest(SipMethod.ACK, response);
    }

    private SipRequest sameTransactionRequest(String newMethod, SipMessage toSource) {
        SipRequest r = new SipRequest(new SipHeaders(), newMethod, rawRequestUri());
        r.requestUri = requestUri;
        r.pushVia(topVia());
        SipHeaders out = r.headers();
        copyFirst(out, HeaderName.FROM);
        int t = toSource.headers().indexOf(HeaderName.TO);
        if (t >= 0) {
            out.addCopy(toSource.headers(), t);
        }
        copyFirst(out, HeaderName.CALL_ID);
        r.setCSeq(new CSeq(cseq().number(), newMethod));
        for (int i = headers.indexOf(HeaderName.ROUTE); i >= 0; i = headers.indexOf(HeaderName.ROUTE, i + 1)) {
            out.addCopy(headers, i);
        }
        r.setMaxForwards(70);
        out.add(HeaderName.CONTENT_LENGTH, "0");
        return r;
    }

    /** A copy of this request (headers and body; the wire bytes are shared, read-only). */
    public SipRequest copy() {
        SipRequest r = new SipRequest(headers.copy(), method, rawRequestUri());
        r.requestUri = requestUri;
        r.requestUriBytes(uriStart, uriEnd);
        r.setRawBody(bodySrc(), bodyOffset(), bodyLength());
        return r;
    }
}
