package org.carillon.pbx.sipserver;

import org.carillon.platform.settings.InvalidSettingException;
import org.carillon.platform.settings.Settings;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.stack.SipHandler;
import org.carillon.sip.stack.SipStack;
import org.carillon.sip.stack.StackConfig;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The PBX's SIP listening point: starts the {@link SipStack} on {@code CARILLON_BIND}:{@code CARILLON_SIP_PORT} (UDP
 * and TCP) when the application starts, after every feature bean exists, and stops it first on shutdown. Each new
 * request passes the {@link SipGate}, then goes to the {@link SipRequestHandler} of its method; a method nobody
 * handles is answered {@code 405} with {@code Allow} when SIP defines it, else {@code 501} (RFC 3261 §8.2.1,
 * §21.5.2).
 *
 * <p>Threads: handlers run on virtual threads (one per request) chosen by the stack.
 */
@Component
public class SipServer implements SmartLifecycle, SipHandler {
    private static final Logger log = LoggerFactory.getLogger(SipServer.class);
    private static final List<String> KNOWN = List.of(SipMethod.INVITE, SipMethod.ACK, SipMethod.BYE,
            SipMethod.CANCEL, SipMethod.OPTIONS, SipMethod.REGISTER, SipMethod.PRACK, SipMethod.SUBSCRIBE,
            SipMethod.NOTIFY, SipMethod.PUBLISH, SipMethod.INFO, SipMethod.REFER, SipMethod.MESSAGE, SipMethod.UPDATE);

    private final SipServerSettings settings;
    private final Map<String, SipRequestHandler> handlers;
    private final SipGate gate;
    private final String allow;
    private volatile SipStack stack;

    public SipServer(Settings settings, List<SipRequestHandler> handlers, SipGate gate) {
        this.settings = SipServerSettings.from(settings);
        this.handlers = new TreeMap<>(handlers.stream().collect(Collectors.toMap(SipRequestHandler::method, h -> h)));
        this.gate = gate;
        var methods = new java.util.TreeSet<>(this.handlers.keySet());
        methods.add(SipMethod.ACK);
        methods.add(SipMethod.CANCEL);
        methods.add(SipMethod.OPTIONS);
        this.allow = String.join(", ", methods);
    }

    @Override
    public void start() {
        try {
            stack = SipStack.start(StackConfig.defaults(settings.bind(), settings.port()), this);
        } catch (TransportException e) {
            throw new InvalidSettingException("CARILLON_SIP_PORT", "cannot listen on " + settings.bind().getHostAddress()
                    + ":" + settings.port() + " (" + e.getMessage() + ")");
        }
        log.info("SIP listening on {}:{} (UDP and TCP, {})", stack.localAddress().getAddress().getHostAddress(),
                stack.port(), stack.isEpoll() ? "epoll" : "nio");
    }

    @Override
    public void stop() {
        SipStack s = stack;
        stack = null;
        if (s != null) {
            // one line an operator (and bench/blf) can read after a run: losses show as drops, retransmissions and
            // strays here, or as receive-buffer errors in the kernel's counters (netstat -su) when they are not ours
            log.info("SIP counters at stop: {}", s.counters());
            s.close();
        }
    }

    @Override
    public boolean isRunning() {
        return stack != null;
    }

    /** Before web requests stop and after every other bean started. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** The running stack, if started. */
    public Optional<SipStack> stack() {
        return Optional.ofNullable(stack);
    }

    /** The bound SIP port (UDP and TCP). @throws IllegalStateException when not running */
    public int port() {
        return stack().orElseThrow(() -> new IllegalStateException("SIP server not running")).port();
    }

    /** The methods the PBX handles, for {@code Allow} headers. */
    public String allow() {
        return allow;
    }

    @Override
    public void onRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        if (gate.refuse(request, tx.source())) {
            // The stack has no way to drop a request once its transaction exists; a bare 403 is the cheapest answer.
            tx.respond(403);
            return;
        }
        SipRequestHandler handler = handlers.get(request.method());
        if (handler != null) {
            handler.handle(tx);
            return;
        }
        if (SipMethod.OPTIONS.equals(request.method())) {
            answerOptions(tx); // RFC 3261 §11.2; also the keep-alive many phones send
            return;
        }
        SipResponse response = request.createResponse(KNOWN.contains(request.method()) ? 405 : 501,
                Optional.of(org.carillon.sip.transaction.Tags.generate()));
        response.headers().set(HeaderName.ALLOW, allow);
        tx.respond(response);
    }

    @Override
    public void onAck(SipRequest ack) {
        SipRequestHandler handler = handlers.get(SipMethod.INVITE);
        if (handler != null) {
            handler.onAck(ack);
        }
    }

    @Override
    public void onCancel(ServerTransaction cancelled) {
        SipRequestHandler handler = handlers.get(cancelled.request().method());
        if (handler != null) {
            handler.onCancel(cancelled);
        }
    }

    @Override
    public void onServerFailure(ServerTransaction transaction, boolean timeout) {
        SipRequestHandler handler = handlers.get(transaction.request().method());
        if (handler != null) {
            handler.onServerFailure(transaction, timeout);
        }
    }

    private void answerOptions(ServerTransaction tx) {
        SipResponse ok = tx.request().createResponse(200, Optional.of(org.carillon.sip.transaction.Tags.generate()));
        ok.headers().set(HeaderName.ALLOW, allow);
        ok.headers().set(HeaderName.ACCEPT, "application/sdp");
        tx.respond(ok);
    }
}
