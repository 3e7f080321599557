package org.carillon.sip.transaction;

import org.carillon.sip.message.SipRequest;

/** What the transaction layer made of an incoming request, for the stack to act on. */
public sealed interface RequestDisposition {

    /** A new request; the TU must answer it through the transaction. */
    record NewRequest(ServerTransaction transaction) implements RequestDisposition {
    }

    /** An ACK for the TU: the ACK to a 2xx (its own transaction, §17.1.1.3) or one in the Accepted state. */
    record Ack(SipRequest ack) implements RequestDisposition {
    }

    /**
     * A CANCEL matched an INVITE still unanswered (§9.2): the layer answered the CANCEL 200 and
     * the INVITE 487; the TU is told so it can stop ringing.
     */
    record Cancelled(ServerTransaction invite) implements RequestDisposition {
    }

    /**
     * Too many live server transactions: no transaction was created; the stack answers 503
     * statelessly (RFC 3261 §21.5.4) and counts a drop.
     */
    enum Overloaded implements RequestDisposition {
        INSTANCE
    }

    /**
     * Nothing for the TU: a retransmission absorbed, an ACK to a non-2xx, a merged request answered
     * 482 (§8.2.2.2) or a CANCEL answered 481.
     */
    enum Handled implements RequestDisposition {
        INSTANCE
    }
}
