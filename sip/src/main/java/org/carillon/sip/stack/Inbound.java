package org.carillon.sip.stack;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.carillon.sip.message.HeaderName;
import org.carillon.sip.message.ParseMode;
import org.carillon.sip.message.ReasonPhrases;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipMethod;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipParserLimits;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.SipResponse;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.transaction.RequestDisposition;
import org.carillon.sip.transaction.ServerTransaction;
import org.carillon.sip.transaction.TransactionLayer;
import org.carillon.sip.transport.Flow;
import org.carillon.sip.transport.InboundListener;
import org.carillon.sip.transport.NettyTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path, run on Netty event loops: parse, stamp the Via, match a transaction, and hand
 * whatever the application must see to its executor. Malformed input is answered 400 when it is
 * a request we can still read enough of, otherwise dropped; it is counted either way and never
 * escapes as an exception.
 */
final class Inbound implements InboundListener {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final SipParser parser;
    private final SipParser salvage;
    private final TransactionLayer layer;
    private final SipHandler handler;
    private final ExecutorSelector selector;
    private final TransactionExecutors executors;
    private final Executor strayExecutor;
    private final StackStats stats;
    private final AcceptedInvites accepted;
    private volatile NettyTransport transport;

    Inbound(ParseMode mode, int maxMessageBytes, TransactionLayer layer, SipHandler handler,
            ExecutorSelector selector, TransactionExecutors executors, Executor strayExecutor, StackStats stats,
            AcceptedInvites accepted) {
        SipParserLimits limits = new SipParserLimits(maxMessageBytes, SipParserLimits.DEFAULTS.maxHeaderCount(),
                SipParserLimits.DEFAULTS.maxLineBytes());
        this.parser = new SipParser(mode, limits);
        this.salvage = new SipParser(ParseMode.LENIENT, limits);
        this.layer = layer;
        this.handler = handler;
        this.selector = selector;
        this.executors = executors;
        this.strayExecutor = strayExecutor;
        this.stats = stats;
        this.accepted = accepted;
    }

    void attach(NettyTransport t) {
        this.transport = t;
    }

    @Override
    public void onMessage(byte[] bytes, Flow flow) {
        SipMessage message;
        try {
            message = parser.parse(bytes);
        } catch (SipParseException e) {
            reject(bytes, flow, e.statusHint(), e.getMessage());
            return;
        } catch (RuntimeException bug) {
            LOG.warn("parser failed on {} bytes from {}", bytes.length, flow, bug);
            reject(bytes, flow, SipParseException.BAD_REQUEST, "unparsable");
            return;
        }
        try {
            if (message instanceof SipRequest request) {
                onRequest(request, flow);
            } else {
                onResponse((SipResponse) message);
            }
        } catch (SipParseException e) {
            // a header needed for matching was malformed (lenient modes validate lazily)
            reject(bytes, flow, e.statusHint(), e.getMessage());
        } catch (RuntimeException bug) {
            // never let one message take the event loop's read path down with it
            stats.internalErrors.increment();
            LOG.warn("failed to process {} bytes from {}", bytes.length, flow, bug);
        }
    }

    @Override
    public void onUnframeable(byte[] head, Flow flow, String reason) {
        reject(head, flow, reason.contains("longer than") ? SipParseException.MESSAGE_TOO_LARGE
                : SipParseException.BAD_REQUEST, reason);
    }

    private void onRequest(SipRequest request, Flow flow) {
        ViaStamp.stamp(request, flow.remote());
        Supplier<Flow> responseFlow = responseFlow(request, flow);
        switch (layer.onRequest(request, flow, responseFlow)) {
            case RequestDisposition.NewRequest n -> deliver(n.transaction());
            case RequestDisposition.Ack a -> {
                accepted.onAck(a.ack()); // stops the §13.3.1.4 2xx retransmissions
                dispatch(selector.select(a.ack()), () -> handler.onAck(a.ack()));
            }
            case RequestDisposition.Cancelled c -> dispatch(executors.of(c.invite()), () -> handler.onCancel(c.invite()));
            case RequestDisposition.Overloaded o -> {
                stats.rejected.increment();
                SipResponse busy = request.createResponse(503);
                busy.headers().add(HeaderName.RETRY_AFTER, "5");
                NettyTransport t = transport;
                if (t != null) {
                    t.send(responseFlow.get(), busy.toBytes());
                }
            }
            case RequestDisposition.Handled h -> {
            }
        }
    }

    private Supplier<Flow> responseFlow(SipRequest request, Flow source) {
        Flow route = ResponseRouter.route(request.topVia(), source);
        if (!source.transport().reliable()) {
            return () -> route;
        }
        Flow reconnect = ResponseRouter.reconnect(request.topVia(), source);
        return () -> {
            NettyTransport t = transport;
            return t == null || t.isConnected(source) ? source : reconnect;
        };
    }

    private void deliver(ServerTransaction tx) {
        boolean queued = dispatch(executors.of(tx), () -> {
            try {
                handler.onRequest(tx);
            } catch (RuntimeException e) {
                LOG.warn("handler failed on {} {}", tx.request().method(), tx.key(), e);
                answerQuietly(tx, 500);
            }
        });
        if (!queued) {
            answerQuietly(tx, 503); // overloaded: RFC 3261 §21.5.4
        }
    }

    private boolean dispatch(Executor executor, Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            stats.rejected.increment();
            return false;
        }
    }

    private void onResponse(SipResponse response) {
        if (!layer.onResponse(response)) {
            stats.strayResponses.increment();
            try {
                strayExecutor.execute(() -> handler.onStrayResponse(response));
            } catch (RejectedExecutionException e) {
                stats.rejected.increment();
            }
        }
    }

    /** Counts a parse failure; answers it statelessly if it is a request whose Via we can read. */
    private void reject(byte[] bytes, Flow flow, int status, String reason) {
        stats.parseFailures.increment();
        LOG.debug("malformed message from {}: {}", flow, reason);
        NettyTransport t = transport;
        if (t == null) {
            return;
        }
        byte[] reply;
        try {
            if (!(salvage.parse(bytes) instanceof SipRequest r) || SipMethod.ACK.equals(r.method())) {
                return; // never answer a response or an ACK
            }
            r.topVia(); // no Via: nowhere to send a response (§8.2.6.2 copies it)
            reply = r.createResponse(status).toBytes();
        } catch (RuntimeException notEvenLenient) {
            reply = RawReply.build(bytes, status, ReasonPhrases.of(status)).orElse(null);
        }
        if (reply != null) {
            t.send(flow, reply);
            stats.badRequestsAnswered.increment();
        }
    }

    private static void answerQuietly(ServerTransaction tx, int status) {
        try {
            tx.respond(status);
        } catch (IllegalStateException alreadyAnswered) {
            // the handler answered before failing
        }
    }
}
