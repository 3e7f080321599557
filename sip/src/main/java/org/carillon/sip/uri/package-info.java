/**
 * URIs that appear in SIP messages: {@link org.carillon.sip.uri.SipUri} (sip and sips, RFC 3261
 * §19.1), {@link org.carillon.sip.uri.TelUri} (RFC 3966) and any other absoluteURI kept opaque.
 * Parse with {@link org.carillon.sip.uri.Uri#parse(String)}.
 */
package org.carillon.sip.uri;
