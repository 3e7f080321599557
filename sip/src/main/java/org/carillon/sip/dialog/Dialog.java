package org.carillon.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.CSeq;
import org.carillon.sip.uri.SipUri;
import org.carillon.sip.uri.Uri;

/**
 * One dialog (RFC 3261 §12) seen from this side: identity, state, route set, local and remote
 * CSeq, remote target, and the usages keeping it alive.
 *
 * <p>Threads: not thread-safe. A dialog belongs to one call and is used only on that call's
 * serial executor.
 */
public final class Dialog {

    private final DialogId id;
    private final Address localParty;
    private final Address remoteParty;
    private final boolean secure;
    private final Set<DialogUsage> usages = EnumSet.noneOf(DialogUsage.class);
    private DialogState state;
    private List<Address> routeSet;
    private Uri remoteTarget;
    private long localSeq;
    private long remoteSeq = -1; // -1: empty (§12.1.2)

    private Dialog(DialogId id, Address localParty, Address remoteParty, boolean secure, DialogState state,
            List<Address> routeSet, Uri remoteTarget, long localSeq, long remoteSeq, DialogUsage usage) {
        this.id = id;
        this.localParty = localParty;
        this.remoteParty = remoteParty;
        this.secure = secure;
        this.state = state;
        this.routeSet = List.copyOf(routeSet);
        this.remoteTarget = remoteTarget;
        this.localSeq = localSeq;
        this.remoteSeq = remoteSeq;
        this.usages.add(usage);
    }

    /**
     * The UAC's dialog from a response with a To tag to our request (§12.1.2): route set from
     * Record-Route reversed, remote target from the Contact, local CSeq from the request.
     *
     * @throws DialogException if the response is not 101–299, has no To tag or no Contact
     */
    public static Dialog asUac(SipRequest request, SipResponse response, DialogUsage usage) {
        int status = response.statusCode();
        if (status < 101 || status >= 300) {
            throw new DialogException("status " + status + " creates no dialog");
        }
        String remoteTag = response.to().tag().orElseThrow(() -> new DialogException("response without To tag"));
        List<Address> routes = new ArrayList<>(response.recordRoutes());
        Collections.reverse(routes);
        return new Dialog(new DialogId(request.callId(), request.from().tag().orElse(""), remoteTag),
                untagged(request.from()), untagged(response.to()), isSecure(request),
                status < 200 ? DialogState.EARLY : DialogState.CONFIRMED, routes, contactOf(response.contacts()),
                request.cseq().number(), -1, usage);
    }

    /**
     * The UAS's dialog from the request and the response we send with our To tag (§12.1.1):
     * route set from Record-Route in order, remote target from the request's Contact.
     *
     * @throws DialogException if the response has no To tag or the request no Contact
     */
    public static Dialog asUas(SipRequest request, SipResponse response, DialogUsage usage) {
        String localTag = response.to().tag().orElseThrow(() -> new DialogException("response without To tag"));
        int status = response.statusCode();
        return new Dialog(new DialogId(request.callId(), localTag, request.from().tag().orElse("")),
                untagged(request.to()), untagged(request.from()), isSecure(request),
                status < 200 ? DialogState.EARLY : DialogState.CONFIRMED, request.recordRoutes(),
                contactOf(request.contacts()),
                // §12.2.1.1: the UAS picks its first CSeq; start low and random so numbers never reuse a peer's
                ThreadLocalRandom.current().nextLong(1, 1L << 20), request.cseq().number(), usage);
    }

    private static Address untagged(Address a) {
        return a.withParams(a.params().without("tag"));
    }

    private static boolean isSecure(SipRequest request) {
        return request.requestUri() instanceof SipUri s && s.secure();
    }

    private static Uri contactOf(org.carillon.sip.message.header.Contacts contacts) {
        if (contacts.addresses().isEmpty()) {
            throw new DialogException("no Contact: the dialog has no remote target");
        }
        return contacts.addresses().getFirst().uri();
    }

    /**
     * Updates the UAC's dialog with a later response to the request that created it (or to a
     * target refresh): an EARLY dialog becomes CONFIRMED on 2xx with its route set recomputed
     * (§13.2.2.4); a Contact refreshes the remote target (§12.2.1.2); a failure ends an early
     * dialog (§12.3).
     */
    public void onResponse(SipResponse response) {
        int status = response.statusCode();
        if (state == DialogState.EARLY && status >= 200 && status < 300) {
            List<Address> routes = new ArrayList<>(response.recordRoutes());
            Collections.reverse(routes);
            routeSet = List.copyOf(routes);
            state = DialogState.CONFIRMED;
        } else if (state == DialogState.EARLY && status >= 300) {
            state = DialogState.TERMINATED;
            return;
        }
        if (status < 300 && isTargetRefresh(response.cseq().method())) {
            response.contacts().addresses().stream().findFirst().ifPresent(c -> remoteTarget = c.uri());
        }
    }

    /**
     * Checks and records an incoming in-dialog request (§12.2.2): a CSeq lower than the last one
     * is out of order (the caller answers 500); a target refresh updates the remote target.
     *
     * @return false if the request is out of order and must be refused
     */
    public boolean onRequest(SipRequest request) {
        String method = request.method();
        long cseq = request.cseq().number();
        if (!SipMethod.ACK.equals(method) && !SipMethod.CANCEL.equals(method)) {
            if (remoteSeq >= 0 && cseq < remoteSeq) {
                return false;
            }
            remoteSeq = cseq;
        }
        if (isTargetRefresh(method)) {
            request.contacts().addresses().stream().findFirst().ifPresent(c -> remoteTarget = c.uri());
        }
        return true;
    }

    /** RFC 3261 §12.2 (re-INVITE), RFC 3311 (UPDATE), RFC 6665 §4.1.2/§4.2.1 (SUBSCRIBE, NOTIFY). */
    private static boolean isTargetRefresh(String method) {
        return SipMethod.INVITE.equals(method) || SipMethod.UPDATE.equals(method)
                || SipMethod.SUBSCRIBE.equals(method) || SipMethod.NOTIFY.equals(method);
    }

    /**
     * A new request inside this dialog (§12.2.1.1): To/From with the tags, Call-ID, the next local
     * CSeq, Max-Forwards 70, and Request-URI plus Route headers from the remote target and route
     * set — loose routing when the first route has {@code lr}, strict routing otherwise. The
     * caller adds Contact and body; the stack adds Via.
     *
     * @throws IllegalArgumentException for ACK and CANCEL, which reuse the INVITE's CSeq
     *                                  ({@link #createAck(long)}, {@code SipRequest.createCancel})
     */
    public SipRequest createRequest(String method) {
        if (SipMethod.ACK.equals(method) || SipMethod.CANCEL.equals(method)) {
            throw new IllegalArgumentException(method + " does not take a new CSeq");
        }
        localSeq++;
        return build(method, localSeq);
    }

    /** The ACK for a 2xx to the INVITE with CSeq number {@code inviteCseq} (§13.2.2.4). */
    public SipRequest createAck(long inviteCseq) {
        return build(SipMethod.ACK, inviteCseq);
    }

    private SipRequest build(String method, long cseq) {
        Uri requestUri = remoteTarget;
        List<Address> routes = routeSet;
        if (!routes.isEmpty() && !isLoose(routes.getFirst())) {
            // §12.2.1.1 strict routing: the first route becomes the Request-URI, the remote target the last Route
            requestUri = routes.getFirst().uri();
            List<Address> rest = new ArrayList<>(routes.subList(1, routes.size()));
            rest.add(Address.of(remoteTarget));
            routes = rest;
        }
        SipRequest r = SipRequest.create(method, requestUri);
        for (Address route : routes) {
            r.headers().add(HeaderName.ROUTE, route.toString());
        }
        r.setMaxForwards(70);
        r.setFrom(localParty.withTag(id.localTag()));
        r.setTo(id.remoteTag().isEmpty() ? remoteParty : remoteParty.withTag(id.remoteTag()));
        r.headers().add(HeaderName.CALL_ID, id.callId());
        r.setCSeq(new CSeq(cseq, method));
        return r;
    }

    private static boolean isLoose(Address route) {
        return route.uri() instanceof SipUri s && s.lr();
    }

    /** Adds a usage (e.g. a SUBSCRIBE sharing an INVITE's dialog, RFC 5057). */
    public void addUsage(DialogUsage usage) {
        usages.add(usage);
    }

    /** Ends a usage; the dialog is TERMINATED when none is left (RFC 5057 §5). */
    public void endUsage(DialogUsage usage) {
        usages.remove(usage);
        if (usages.isEmpty()) {
            state = DialogState.TERMINATED;
        }
    }

    /** Ends the dialog (BYE sent or received, or a usage-ending failure). */
    public void terminate() {
        usages.clear();
        state = DialogState.TERMINATED;
    }

    public DialogId id() {
        return id;
    }

    public DialogState state() {
        return state;
    }

    /** The route set in the order requests use it. */
    public List<Address> routeSet() {
        return routeSet;
    }

    public Uri remoteTarget() {
        return remoteTarget;
    }

    /** The CSeq number of the last request we sent in this dialog. */
    public long localSeq() {
        return localSeq;
    }

    /** The CSeq number of the last request received; empty until one arrived (§12.1.2). */
    public OptionalLong remoteSeq() {
        return remoteSeq < 0 ? OptionalLong.empty() : OptionalLong.of(remoteSeq);
    }

    /** Our party (From of our requests) without tag. */
    public Address localParty() {
        return localParty;
    }

    /** The peer (To of our requests) without tag. */
    public Address remoteParty() {
        return remoteParty;
    }

    /** True when the dialog was created by a sips: request (§12.1.1). */
    public boolean secure() {
        return secure;
    }

    /** The usages keeping the dialog alive. */
    public Set<DialogUsage> usages() {
        return Collections.unmodifiableSet(usages);
    }
}
