/**
 * Lexical building blocks shared by the URI, header and message parsers: the parse exception and a
 * cursor over header text implementing the RFC 3261 §25.1 basic rules (token, quoted-string, LWS).
 */
package org.carillon.sip.syntax;
