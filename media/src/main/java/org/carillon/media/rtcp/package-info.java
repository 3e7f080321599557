/** Minimal RTCP (RFC 3550 §6): sender/receiver reports, SDES CNAME and BYE, for statistics. */
package org.carillon.media.rtcp;
