/** The RTP/RTCP port range: even RTP ports, the odd RTCP port after each, bounded and round-robin. */
package org.carillon.media.port;
