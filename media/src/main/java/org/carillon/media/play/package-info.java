/** What the PBX plays: prompt playlists, call-progress tones, shared music on hold. */
package org.carillon.media.play;
