/**
 * SIP dialogs (RFC 3261 §12): identity, state, route set, CSeq bookkeeping, remote target
 * refresh and building in-dialog requests, with the INVITE and SUBSCRIBE usages of RFC 5057.
 */
package org.carillon.sip.dialog;
