/**
 * HTTP Digest authentication for SIP (RFC 3261 §22.4 with RFC 7616 and RFC 8760): MD5, SHA-256
 * and SHA-512-256, {@code qop=auth}. Server side: {@link org.carillon.sip.auth.DigestServer}
 * builds challenges (strongest first, so MD5-only phones still find theirs) with nonces bound to
 * the server by an HMAC and expiring to {@code stale=true}, and verifies credentials with
 * nonce-count replay rejection in bounded memory. Client side:
 * {@link org.carillon.sip.auth.DigestClient} answers a 401/407 challenge. Time comes from an
 * injected {@link java.time.InstantSource}.
 */
package org.carillon.sip.auth;
