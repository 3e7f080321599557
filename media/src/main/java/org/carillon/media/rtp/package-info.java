/**
 * RTP (RFC 3550): packets as views over bytes, sequence/timestamp arithmetic with wrap-around, receive
 * statistics, SSRC/sequence/timestamp rewriting, single-writer counters.
 */
package org.carillon.media.rtp;
