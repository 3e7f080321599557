/**
 * SIP messages (RFC 3261 §7): {@link org.carillon.sip.message.SipRequest},
 * {@link org.carillon.sip.message.SipResponse}, their {@link org.carillon.sip.message.SipHeaders},
 * the {@link org.carillon.sip.message.SipParser}, stream {@link org.carillon.sip.message.Framing}
 * and the {@link org.carillon.sip.message.SipWriter}. Typed header values live in
 * {@code org.carillon.sip.message.header}, URIs in {@code org.carillon.sip.uri}.
 */
package org.carillon.sip.message;
