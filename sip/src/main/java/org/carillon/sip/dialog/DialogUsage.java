package org.carillon.sip.dialog;

/**
 * What keeps a dialog alive (RFC 5057 §3): the INVITE session and SUBSCRIBE subscriptions. The
 * dialog ends when its last usage ends.
 */
public enum DialogUsage {
    INVITE,
    SUBSCRIBE
}
