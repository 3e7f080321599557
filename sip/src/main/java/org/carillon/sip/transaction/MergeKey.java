package org.carillon.sip.transaction;

import java.util.Objects;

/**
 * What RFC 3261 §8.2.2.2 compares to detect a request that reached us twice by different paths
 * (a forking proxy upstream): From tag, Call-ID and CSeq. Only requests without a To tag are
 * checked.
 *
 * @param fromTag   the From tag
 * @param callId    the Call-ID
 * @param cseq      the CSeq number
 * @param method    the CSeq method
 */
public record MergeKey(String fromTag, String callId, long cseq, String method) {
    public MergeKey {
        Objects.requireNonNull(fromTag, "fromTag");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(method, "method");
    }
}
