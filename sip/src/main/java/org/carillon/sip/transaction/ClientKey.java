package org.carillon.sip.transaction;

import java.util.Objects;

/**
 * Identifies a client transaction (RFC 3261 §17.1.3): the branch this stack put in the top Via
 * and the CSeq method (so a CANCEL and the INVITE it cancels, which share a branch, differ).
 *
 * @param branch the branch parameter of the request's top Via
 * @param method the CSeq method
 */
public record ClientKey(String branch, String method) {
    public ClientKey {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(method, "method");
    }
}
