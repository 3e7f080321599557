package org.carillon.pbx.call;

import org.carillon.media.offer.OfferAnswerException;
import org.carillon.media.play.AudioSource;
import org.carillon.media.play.ClipSource;
import org.carillon.media.play.PromptPlayer;
import org.carillon.media.play.Prompts;
import org.carillon.media.port.PortRangeExhaustedException;
import org.carillon.media.sdp.SdpParseException;
import org.carillon.pbx.extension.DeviceAccount;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.transaction.ServerTransaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A call in a parking slot (SPEC §2.7), on the call engine's side: parking by blind transfer (REFER) to a parking
 * lot's park number or to a slot, the slot announced to the parker, music on hold for the parked party, retrieval by dialling the
 * slot (or by an INVITE with Replaces from the slot's BLF lamp), and the ring-back the {@link CallParking} asks for
 * when nobody retrieves it. Which slot, how long and where to ring back are the parking feature's business.
 *
 * <p>The parker's party stays in the call (not up once it hung up) until the retriever or the rung-back extension
 * takes its place, exactly as a blind transfer's target does. Call executor only, except the accessors.
 */
final class Parking implements ParkedCall {
    private final Call call;
    private final Party stays;
    private final Party parker;
    private final String callId;
    private final String localTag;
    private final String remoteTag;
    private volatile String slot = "";
    private PromptPlayer announcer;
    private Consumer<Boolean> ringBack;
    private String ringBackNumber;

    private Parking(Call call, Party stays, Party parker) {
        this.call = call;
        this.stays = stays;
        this.parker = parker;
        var legs = call.published().map(ActiveCall::legs);
        this.callId = legs.map(ActiveCall.Legs::callId).orElse(call.callerCallId());
        this.localTag = legs.map(ActiveCall.Legs::pbxTag).orElse("");
        this.remoteTag = legs.map(ActiveCall.Legs::callerTag).orElse("");
    }

    // ---- parking: a REFER whose target routes to a lot's park number or a slot ----

    /**
     * Parks the party {@code parker} talks to when {@code number} is a lot's park number or a slot.
     *
     * @return false when {@code number} is no parking number (the REFER is an ordinary blind transfer)
     */
    static boolean refer(Call call, ServerTransaction tx, Party parker, String number) {
        Destination d = call.service().router().route(new RouteRequest(number, parker.number(), call.tenantId(),
                call.service().clock().instant()));
        if (d.type() != Destination.Type.PARK) {
            return false;
        }
        Optional<CallParking> lots = call.service().parking();
        if (lots.isEmpty()) {
            tx.respond(tx.request().createResponse(501, "Parking Not Available"));
            return true;
        }
        Party stays = parker == call.left() ? call.right() : call.left();
        Parking parked = new Parking(call, stays, parker);
        Optional<String> slot = lots.get().park(parked, d.target());
        if (slot.isEmpty()) {
            // RFC 3515 §2.4.2: a REFER that cannot be carried out gets a final error; the phone shows the reason
            tx.respond(tx.request().createResponse(486, lots.get().isParkNumber(call.tenantId(), d.target())
                    ? "All Parking Slots Busy" : "Parking Slot " + d.target() + " Busy"));
            return true;
        }
        parked.slot = slot.get();
        SipResponse accepted = tx.request().createResponse(202);
        accepted.headers().add(HeaderName.CONTACT, call.service().signalling().contact(parker.number(),
                parker.transport()));
        tx.respond(accepted);
        Transfers.notify(parker, "SIP/2.0 100 Trying", false);
        call.parked(parked);
        call.transfers().add("park:" + parked.slot);
        call.playHoldMusic(stays);
        parked.announce();
        return true;
    }

    /**
     * The parker hears "parked on 7 0 1" (it alone needs the number, to tell whoever should retrieve the call), then
     * the final NOTIFY and our BYE; a parker who hangs up first just misses it (the slot's lamp shows it too).
     */
    private void announce() {
        List<AudioSource> words = new ArrayList<>();
        Prompts.find("parked-on").ifPresent(c -> words.add(new ClipSource(c, false)));
        Prompts.digits(slot).forEach(c -> words.add(new ClipSource(c, false)));
        announcer = PromptPlayer.on(parker.media());
        announcer.play(words, false).whenComplete((done, error) -> call.executor().execute(this::announced));
    }

    private void announced() {
        stopAnnouncer();
        if (parker.up()) {
            Transfers.notify(parker, "SIP/2.0 200 OK", true);
            parker.bye();
        }
    }

    /** The parker sent BYE (during or after the announcement): the call stays, parked. */
    void parkerLeft() {
        stopAnnouncer();
    }

    boolean isParker(Party party) {
        return party == parker;
    }

    private void stopAnnouncer() {
        if (announcer != null) {
            announcer.close();
            announcer = null;
        }
    }

    // ---- retrieval: someone dialled the slot, or pressed its lamp ----

    /**
     * {@code retriever} (a new call, not yet answered nor given media) dialled {@code slot}: the parked call answers its
     * INVITE and bridges it, and the retriever's own call is forgotten like a pickup's. Retriever's executor.
     */
    static void dialled(Call retriever, String slot) {
        Optional<CallParking> lots = retriever.service().parking();
        if (slot.isEmpty() || lots.isPresent() && lots.get().isParkNumber(retriever.tenantId(), slot)) {
            retriever.fail(403, "Park By Transferring To The Park Number", CallResult.FAILED);
            return;
        }
        Optional<Parking> parked = lots.flatMap(l -> l.take(retriever.tenantId(), slot))
                .filter(Parking.class::isInstance).map(Parking.class::cast);
        if (parked.isEmpty()) {
            retriever.fail(404, "Nothing Parked On " + slot, CallResult.FAILED);
            return;
        }
        handOver(retriever.callerTransaction(), retriever.callerAccount(), parked.get(), retriever);
    }

    /** An INVITE with Replaces naming a parked call's dialog (its slot lamp pressed). Any thread. */
    static boolean replacing(ServerTransaction tx, DeviceAccount retriever, Call target) {
        Parking parked = target.parking();
        if (parked == null || target.service().parking().flatMap(l -> l.take(target.tenantId(), parked.slot))
                .filter(p -> p == parked).isEmpty()) {
            return false;
        }
        handOver(tx, retriever, parked, null);
        return true;
    }

    private static void handOver(ServerTransaction tx, DeviceAccount retriever, Parking parked, Call own) {
        Call x = parked.call;
        if (own != null) {
            own.handedOver();
        }
        x.service().registry().alias(tx.request().callId(), x);
        x.executor().execute(() -> parked.retrievedBy(tx, retriever));
    }

    private void retrievedBy(ServerTransaction tx, DeviceAccount retriever) {
        CallerLeg leg = new CallerLeg(call.service().signalling(), tx, retriever.number(), retriever.number());
        if (call.state() == CallState.ENDED || call.parking() != this) {
            leg.reject(481); // it was hung up or rung back meanwhile
            call.service().registry().remove(call, List.of(leg.callId()), false);
            return;
        }
        try {
            leg.openMedia(call.service().media(), Optional.of(stays.media()));
        } catch (OfferAnswerException | SdpParseException | PortRangeExhaustedException e) {
            leg.reject(488);
            call.service().parking().ifPresent(l -> l.park(this, slot)); // back in its slot
            return;
        }
        if (!leg.answer(Optional.empty())) {
            leg.close();
            return;
        }
        stopAnnouncer();
        retrieved(leg, "retrieve:" + retriever.number());
    }

    // ---- ParkedCall ----

    @Override
    public String id() {
        return call.id();
    }

    @Override
    public long tenantId() {
        return call.tenantId();
    }

    @Override
    public String slot() {
        return slot;
    }

    @Override
    public String parked() {
        return stays.number();
    }

    @Override
    public String parker() {
        return parker.number();
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public String localTag() {
        return localTag;
    }

    @Override
    public String remoteTag() {
        return remoteTag;
    }

    @Override
    public CallerSession.Timer after(Duration delay, Runnable task) {
        return call.after(delay, task);
    }

    @Override
    public void ringBack(String number, Consumer<Boolean> answered) {
        if (call.state() == CallState.ENDED || call.parking() != this || call.ringingAttempt().isPresent()) {
            call.executor().execute(() -> answered.accept(false));
            return;
        }
        stopAnnouncer();
        ringBack = answered;
        ringBackNumber = number;
        if (!Ringing.ring(call, number, stays, Optional.of(parker))) {
            ringBack = null;
            call.executor().execute(() -> answered.accept(false));
        }
    }

    /** True while a ring-back rings: its outcome is ours, not a transfer's. */
    boolean ringingBack() {
        return ringBack != null;
    }

    /** The rung-back extension answered: it takes the parker's place. */
    void ringBackAnswered(Party target) {
        Consumer<Boolean> outcome = ringBack;
        ringBack = null;
        retrieved(target, "ringback:" + ringBackNumber);
        outcome.accept(true);
    }

    /** Nobody answered the ring-back: the parked party keeps its music until the parking feature decides. */
    void ringBackFailed() {
        Consumer<Boolean> outcome = ringBack;
        ringBack = null;
        outcome.accept(false);
    }

    @Override
    public boolean handTo(Destination d) {
        stopAnnouncer();
        return fallBackTo(d);
    }

    /**
     * The parking fallback: the parked party, still this call's own caller, is handed to the application serving
     * {@code d} (a team, voicemail, a prompt) as a forwarded caller would be; the parker, long gone, leaves the call.
     *
     * @return false when it cannot be (the parked party is not the caller, or nothing serves {@code d} now)
     */
    private boolean fallBackTo(Destination d) {
        if (call.parking != this || stays != call.caller || call.left != call.caller || call.state == CallState.ENDED
                || call.ringing != null || ++call.forwards > Call.MAX_FORWARDS) {
            return false;
        }
        Optional<CallApplication> app = call.service.application(d.type()).filter(a -> a.serves(call, d));
        if (app.isEmpty()) {
            return false;
        }
        call.parking = null;
        call.stopHoldMusic();
        call.unbridge();
        call.right = null;
        call.transfers.add("fallback:" + d.type().wire() + ":" + d.target());
        call.state = CallState.ROUTING;
        call.service.changed(call);
        app.get().handle(call, d);
        return true;
    }

    /** {@code by} (who dialled the slot, or the rung-back extension) takes the parker's place. */
    private void retrieved(Party by, String entry) {
        if (call.parking == this) {
            call.parking = null;
        }
        if (by instanceof CallerLeg) {
            call.aliases.add(by.callId());
            call.watchRtp(by);
        }
        call.transfers.add(entry);
        Transfers.replace(call, parker, by);
    }

    @Override
    public void hangUp() {
        call.hangUp("system");
    }

    /** The call ended while parked: the slot is free again. */
    void ended() {
        stopAnnouncer();
        call.service().parking().ifPresent(l -> l.left(this));
    }
}
