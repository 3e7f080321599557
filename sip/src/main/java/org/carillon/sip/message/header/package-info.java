/**
 * Typed views of SIP header values (RFC 3261 §20, §25.1): {@link org.carillon.sip.message.header.Via},
 * {@link org.carillon.sip.message.header.Address} (name-addr/addr-spec with parameters, for From,
 * To, Contact, Route, Record-Route), {@link org.carillon.sip.message.header.CSeq},
 * {@link org.carillon.sip.message.header.Contacts} and
 * {@link org.carillon.sip.message.header.AuthField} (challenges and credentials). All are
 * immutable; each has a {@code parse} that throws {@link org.carillon.sip.syntax.SipParseException}
 * and a {@code toString()} giving the wire form.
 */
package org.carillon.sip.message.header;
