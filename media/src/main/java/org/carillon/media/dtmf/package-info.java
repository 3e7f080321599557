/** RFC 4733 telephone events: receive, send, and a digit collector with timeouts. */
package org.carillon.media.dtmf;
