/**
 * Carillon's media engine: everything the PBX hears or says, and nothing about SIP or extensions. The call
 * engine hands it SDP and gets SDP back ({@link org.carillon.media.offer}), opens legs
 * ({@link org.carillon.media.relay.MediaEngine}), bridges them ({@link org.carillon.media.relay.Bridge}) or
 * hands them to players, recorders, music on hold and digit collectors. See media/README.md.
 */
package org.carillon.media;
