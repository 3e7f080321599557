package org.carillon.pbx.registrar;

/**
 * A REGISTER of an extension's device was accepted with at least one binding left (a first registration or a
 * refresh): features that push state to phones without a subscription (unsolicited MWI, RFC 3842 §3) send it again.
 * Published on the SIP handler's thread just before the 200 OK goes out; listeners must not block.
 */
public record DeviceRegistered(long tenantId, long extensionId) {
}
