package org.carillon.sip.dialog;

/**
 * RFC 3261 §12: EARLY (created by a 1xx with a To tag) → CONFIRMED (2xx) → TERMINATED; EARLY may
 * go straight to TERMINATED (a failure response ends an early dialog, §12.3).
 */
public enum DialogState {
    EARLY,
    CONFIRMED,
    TERMINATED
}
