/** SDP (RFC 8866) model, parser with limits, and writer; direction attributes and rtpmap values. */
package org.carillon.media.sdp;
